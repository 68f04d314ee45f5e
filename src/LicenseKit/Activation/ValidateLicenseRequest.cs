namespace LicenseKit;

/// <summary>A request to validate a license key, optionally for one instance.</summary>
public sealed record ValidateLicenseRequest
{
    /// <summary>The license key.</summary>
    public required string LicenseKey { get; init; }

    /// <summary>An instance id that must be live on the license, or <see langword="null"/>.</summary>
    public string? LicenseKeyInstanceId { get; init; }

    /// <summary>A fingerprint that must belong to a live instance of the license, or <see langword="null"/>. Ignored when an instance id is given.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// Entitlements the license must grant (its product's and its own together), or <see langword="null"/>; when one is
    /// absent the validation answers <see cref="LicenseValidationCode.EntitlementMissing"/>.
    /// </summary>
    public IReadOnlyList<string>? Entitlements { get; init; }
}
