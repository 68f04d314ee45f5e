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
    public static LicenseError? ActivationRefusal(LicenseErrorDescriber describe, License license, DateTimeOffset now, bool countLimit) => ValidationCode(license, now) switch
    {
        LicenseValidationCode.Revoked => describe.LicenseRevoked(),
        LicenseValidationCode.Disabled => describe.LicenseDisabled(),
        LicenseValidationCode.Archived => describe.LicenseArchived(),
        LicenseValidationCode.Expired => describe.LicenseExpired(),
        _ when countLimit && license.ActivationsLimit is { } limit && license.InstancesCount >= limit =>
            describe.LicenseKeyLimitReached(license.InstancesCount, limit),
        _ => null,
    };
}
