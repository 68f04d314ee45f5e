using System.Diagnostics.CodeAnalysis;

namespace LicenseKit.Serialization;

/// <summary>
/// The one home of the wire spellings of LicenseKit's enums: statuses (<c>ACTIVE</c>, <c>DISABLED</c>, <c>REVOKED</c>) and
/// validation codes (<c>VALID</c>, <c>NOT_FOUND</c>, …). The JSON converters, the stores' columns, the HTTP endpoints and
/// signed tokens all spell them through this class.
/// </summary>
public static class LicenseWireFormat
{
    /// <summary>Returns the wire spelling of <paramref name="status"/>, e.g. <c>ACTIVE</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The spelling.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public static string ToWire(LicenseStatus status) => status switch
    {
        LicenseStatus.Active => "ACTIVE",
        LicenseStatus.Disabled => "DISABLED",
        LicenseStatus.Revoked => "REVOKED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// Parses a status from its exact wire spelling. Case matters and ordinals are refused, so a caller cannot smuggle in
    /// a status as <c>"1"</c> or <c>"active"</c>.
    /// </summary>
    /// <param name="value">The spelling, e.g. <c>DISABLED</c>.</param>
    /// <param name="status">The status when the spelling is known.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a wire spelling of a status.</returns>
    public static bool TryParseStatus([NotNullWhen(true)] string? value, out LicenseStatus status)
    {
        foreach (var candidate in Statuses)
        {
            if (string.Equals(value, ToWire(candidate), StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Returns the wire spelling of <paramref name="code"/>, e.g. <c>INSTANCE_NOT_FOUND</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The spelling.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a defined value.</exception>
    public static string ToWire(LicenseValidationCode code) => code switch
    {
        LicenseValidationCode.NotFound => "NOT_FOUND",
        LicenseValidationCode.Revoked => "REVOKED",
        LicenseValidationCode.Disabled => "DISABLED",
        LicenseValidationCode.Archived => "ARCHIVED",
        LicenseValidationCode.Expired => "EXPIRED",
        LicenseValidationCode.InstanceNotFound => "INSTANCE_NOT_FOUND",
        LicenseValidationCode.LeaseExpired => "LEASE_EXPIRED",
        LicenseValidationCode.EntitlementMissing => "ENTITLEMENT_MISSING",
        LicenseValidationCode.Valid => "VALID",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>Parses a validation code from its exact wire spelling.</summary>
    /// <param name="value">The spelling, e.g. <c>EXPIRED</c>.</param>
    /// <param name="code">The code when the spelling is known.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a wire spelling of a validation code.</returns>
    public static bool TryParseValidationCode([NotNullWhen(true)] string? value, out LicenseValidationCode code)
    {
        foreach (var candidate in ValidationCodes)
        {
            if (string.Equals(value, ToWire(candidate), StringComparison.Ordinal))
            {
                code = candidate;
                return true;
            }
        }

        code = default;
        return false;
    }

    private static readonly LicenseStatus[] Statuses = Enum.GetValues<LicenseStatus>();

    private static readonly LicenseValidationCode[] ValidationCodes = Enum.GetValues<LicenseValidationCode>();
}
