using System.Text.Json.Serialization;

namespace LicenseKit;

/// <summary>
/// Why a validation passed or failed. Checked in declaration order, first failure wins: a revoked and expired license
/// reports <see cref="Revoked"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LicenseValidationCode>))]
public enum LicenseValidationCode
{
    /// <summary>No license with that key in the current business.</summary>
    [JsonStringEnumMemberName("NOT_FOUND")]
    NotFound,

    /// <summary>The license is revoked.</summary>
    [JsonStringEnumMemberName("REVOKED")]
    Revoked,

    /// <summary>The license is disabled.</summary>
    [JsonStringEnumMemberName("DISABLED")]
    Disabled,

    /// <summary>The license is archived; archived licenses are retired and do not validate.</summary>
    [JsonStringEnumMemberName("ARCHIVED")]
    Archived,

    /// <summary>The license's expires_at is at or before now.</summary>
    [JsonStringEnumMemberName("EXPIRED")]
    Expired,

    /// <summary>An instance id or fingerprint was named and no live instance of this license matches it.</summary>
    [JsonStringEnumMemberName("INSTANCE_NOT_FOUND")]
    InstanceNotFound,

    /// <summary>The license (and the named instance, if any) is valid.</summary>
    [JsonStringEnumMemberName("VALID")]
    Valid,
}
