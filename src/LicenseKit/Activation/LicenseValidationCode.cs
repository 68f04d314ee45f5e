using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit;

/// <summary>
/// Why a validation passed or failed. Checked in declaration order, first failure wins: a revoked and expired license
/// reports <see cref="Revoked"/>.
/// </summary>
[JsonConverter(typeof(LicenseValidationCodeJsonConverter))]
public enum LicenseValidationCode
{
    /// <summary>No license with that key in the current business.</summary>
    NotFound,

    /// <summary>The license is revoked.</summary>
    Revoked,

    /// <summary>The license is disabled.</summary>
    Disabled,

    /// <summary>The license is archived; archived licenses are retired and do not validate.</summary>
    Archived,

    /// <summary>The license's expires_at is at or before now.</summary>
    Expired,

    /// <summary>An instance id or fingerprint was named and no live instance of this license matches it.</summary>
    InstanceNotFound,

    /// <summary>The named instance holds a floating seat whose lease lapsed without a heartbeat: its seat is free for others.</summary>
    LeaseExpired,

    /// <summary>The license is usable, but it lacks an entitlement the request required (<see cref="ValidateLicenseRequest.Entitlements"/>).</summary>
    EntitlementMissing,

    /// <summary>The license (and the named instance, if any) is valid.</summary>
    Valid,
}
