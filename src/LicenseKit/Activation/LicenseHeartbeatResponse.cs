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

    /// <summary>
    /// Whether the lease was renewed but its signed token could not be made: the token is signed before the renewal is
    /// written (a signing failure then throws and leaves the lease as it was), and a concurrent renewal of the same
    /// instance landed in between, so it was signed again after the write and that failed. <see cref="SignedLicense"/> is
    /// then <see langword="null"/>; the seat is kept, and the client gets a token by validating with the instance id or
    /// with its next heartbeat. Over HTTP: a 200 with <c>"signed_license_unavailable": true</c> and no <c>signed_license</c>.
    /// </summary>
    public bool SignedLicenseUnavailable { get; init; }
}
