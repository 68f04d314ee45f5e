namespace LicenseKit.Client.Internal;

/// <summary>What each code of the activation endpoints means for this machine's license: the one place the client reads them.</summary>
internal static class ServerCodes
{
    /// <summary>The <see cref="LicenseStateCode"/> for a validation code or a problem code; <see cref="LicenseStateCode.Rejected"/> for any other.</summary>
    public static LicenseStateCode ToStateCode(string? code) => code switch
    {
        // POST …/validate codes.
        "NOT_FOUND" => LicenseStateCode.NotFound,
        "REVOKED" => LicenseStateCode.Revoked,
        "DISABLED" => LicenseStateCode.Disabled,
        "EXPIRED" => LicenseStateCode.Expired,
        "ARCHIVED" => LicenseStateCode.Archived,
        "LEASE_EXPIRED" => LicenseStateCode.Deactivated,

        // Problem codes of POST …/activate and …/deactivate.
        "LICENSE_KEY_NOT_FOUND" or "LICENSE_NOT_FOUND" => LicenseStateCode.NotFound,
        "LICENSE_KEY_LIMIT_REACHED" => LicenseStateCode.ActivationLimitReached,
        "LICENSE_REVOKED" => LicenseStateCode.Revoked,
        "LICENSE_DISABLED" => LicenseStateCode.Disabled,
        "LICENSE_EXPIRED" => LicenseStateCode.Expired,
        "LICENSE_ARCHIVED" => LicenseStateCode.Archived,

        // Both.
        "INSTANCE_NOT_FOUND" => LicenseStateCode.Deactivated,
        _ => LicenseStateCode.Rejected,
    };

    /// <summary>Whether the server's verdict ends this machine's license, so the stored token must go.</summary>
    public static bool RemovesLicense(LicenseStateCode code) => code is
        LicenseStateCode.NotFound or LicenseStateCode.Revoked or LicenseStateCode.Disabled or
        LicenseStateCode.Expired or LicenseStateCode.Archived or LicenseStateCode.Deactivated;
}
