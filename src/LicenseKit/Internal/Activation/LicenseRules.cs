namespace LicenseKit.Internal;

/// <summary>The rules that decide whether a license may be used, in their documented order.</summary>
internal static class LicenseRules
{
    public static LicenseValidationCode ValidationCode(License license, DateTimeOffset now) => license switch
    {
        { Status: LicenseStatus.Revoked } => LicenseValidationCode.Revoked,
        { Status: LicenseStatus.Disabled } => LicenseValidationCode.Disabled,
        { Archived: true } => LicenseValidationCode.Archived,
        _ when license.IsExpiredAt(now) => LicenseValidationCode.Expired,
        _ => LicenseValidationCode.Valid,
    };

    /// <summary>Why <paramref name="license"/> cannot take a new activation, or <see langword="null"/> when it can.</summary>
    public static LicenseError? ActivationRefusal(License license, DateTimeOffset now, bool countLimit) => ValidationCode(license, now) switch
    {
        LicenseValidationCode.Revoked => new(LicenseErrorCodes.LicenseRevoked, "The license is revoked.", "license_key"),
        LicenseValidationCode.Disabled => new(LicenseErrorCodes.LicenseDisabled, "The license is disabled.", "license_key"),
        LicenseValidationCode.Archived => new(LicenseErrorCodes.LicenseArchived, "The license is archived.", "license_key"),
        LicenseValidationCode.Expired => new(LicenseErrorCodes.LicenseExpired, "The license has expired.", "license_key"),
        _ when countLimit && license.ActivationsLimit is { } limit && license.InstancesCount >= limit =>
            new(LicenseErrorCodes.LicenseKeyLimitReached, $"The license already has {license.InstancesCount} of {limit} allowed activations.", "license_key"),
        _ => null,
    };
}
