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

    /// <summary>The error a refused activation answers with; the store's outcome names the reason.</summary>
    public static LicenseError ActivationRefusal(InstanceActivationOutcome outcome, License? license) => outcome switch
    {
        InstanceActivationOutcome.Revoked => new(LicenseErrorCodes.LicenseRevoked, "The license is revoked.", "license_key"),
        InstanceActivationOutcome.Disabled => new(LicenseErrorCodes.LicenseDisabled, "The license is disabled.", "license_key"),
        InstanceActivationOutcome.Archived => new(LicenseErrorCodes.LicenseArchived, "The license is archived.", "license_key"),
        InstanceActivationOutcome.Expired => new(LicenseErrorCodes.LicenseExpired, "The license has expired.", "license_key"),
        InstanceActivationOutcome.LimitReached => new(
            LicenseErrorCodes.ActivationLimitReached,
            $"The license already has {license?.InstancesCount} of {license?.ActivationsLimit} allowed activations.",
            "license_key"),
        _ => new(LicenseErrorCodes.LicenseKeyNotFound, "No license with this key exists.", "license_key"),
    };
}
