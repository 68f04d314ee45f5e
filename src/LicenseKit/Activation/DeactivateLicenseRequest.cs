namespace LicenseKit;

/// <summary>A client's request to deactivate one instance and free its slot.</summary>
public sealed record DeactivateLicenseRequest
{
    /// <summary>The license key.</summary>
    public required string LicenseKey { get; init; }

    /// <summary>The id of the instance to deactivate (<c>lki_…</c>).</summary>
    public required string LicenseKeyInstanceId { get; init; }
}
