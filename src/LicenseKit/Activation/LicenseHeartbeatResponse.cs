namespace LicenseKit;

/// <summary>A successful heartbeat: the instance with its renewed lease, the license, and a fresh signed token.</summary>
public sealed record LicenseHeartbeatResponse
{
    /// <summary>The instance; <see cref="LicenseInstance.LeaseExpiresAt"/> is the renewed end of its lease (null when node-locked).</summary>
    public required LicenseInstance Instance { get; init; }

    /// <summary>The license as it is now.</summary>
    public required License License { get; init; }

    /// <summary>
    /// A signed offline token for this license and instance when an <see cref="ILicenseTokenSigner"/> is registered
    /// (its expiry is never after the lease's end); otherwise <see langword="null"/>.
    /// </summary>
    public string? SignedLicense { get; init; }
}
