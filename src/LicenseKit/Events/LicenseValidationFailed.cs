namespace LicenseKit;

/// <summary>A validation returned a code other than <see cref="LicenseValidationCode.Valid"/>.</summary>
public sealed record LicenseValidationFailed : LicenseEvent
{
    /// <summary>Why the validation failed.</summary>
    public required LicenseValidationCode Code { get; init; }

    /// <summary>The license, when it was found.</summary>
    public License? License { get; init; }
}
