using LicenseKit.Stores;

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

    /// <summary>The error a refused activation answers with; the store's outcome (or <see cref="ActivationRule"/>) names the reason.</summary>
    public static LicenseError ActivationRefusal(LicenseErrorDescriber describe, InstanceActivationOutcome outcome, License? license) => outcome switch
    {
        InstanceActivationOutcome.Revoked => describe.LicenseRevoked(),
        InstanceActivationOutcome.Disabled => describe.LicenseDisabled(),
        InstanceActivationOutcome.Archived => describe.LicenseArchived(),
        InstanceActivationOutcome.Expired => describe.LicenseExpired(),
        InstanceActivationOutcome.LimitReached when license is { ActivationsLimit: { } limit } => describe.LicenseKeyLimitReached(license.InstancesCount, limit),
        _ => describe.LicenseKeyNotFound(),
    };
}
