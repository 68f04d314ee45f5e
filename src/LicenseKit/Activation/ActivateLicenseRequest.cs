namespace LicenseKit;

/// <summary>A client's request to activate an installation against a license key.</summary>
public sealed record ActivateLicenseRequest
{
    /// <summary>The license key as the customer typed it (whitespace and case are tolerated).</summary>
    public required string LicenseKey { get; init; }

    /// <summary>A name for the instance, e.g. the machine name; at most <see cref="LicenseLimits.MaxInstanceNameLength"/> characters.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// An optional stable device fingerprint. Activating again with the same fingerprint returns the existing instance
    /// and uses no new slot (a reinstall does not burn an activation).
    /// </summary>
    public string? Fingerprint { get; init; }
}
