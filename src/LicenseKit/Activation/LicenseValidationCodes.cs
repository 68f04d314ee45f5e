namespace LicenseKit;

/// <summary>The wire spelling of <see cref="LicenseValidationCode"/> values, e.g. for logs and metric tags.</summary>
public static class LicenseValidationCodes
{
    /// <summary>Returns the wire spelling of <paramref name="code"/>, e.g. <c>INSTANCE_NOT_FOUND</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The spelling.</returns>
    public static string ToWire(LicenseValidationCode code) => code switch
    {
        LicenseValidationCode.NotFound => "NOT_FOUND",
        LicenseValidationCode.Revoked => "REVOKED",
        LicenseValidationCode.Disabled => "DISABLED",
        LicenseValidationCode.Archived => "ARCHIVED",
        LicenseValidationCode.Expired => "EXPIRED",
        LicenseValidationCode.InstanceNotFound => "INSTANCE_NOT_FOUND",
        LicenseValidationCode.Valid => "VALID",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
