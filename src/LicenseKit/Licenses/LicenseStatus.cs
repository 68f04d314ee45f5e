using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit;

/// <summary>
/// The lifecycle status of a license, serialized as the wire values <c>ACTIVE</c>, <c>DISABLED</c> and <c>REVOKED</c>.
/// </summary>
/// <remarks>
/// Allowed transitions: <see cref="Active"/> ⇄ <see cref="Disabled"/>, and either of them → <see cref="Revoked"/>.
/// <see cref="Revoked"/> is final.
/// </remarks>
[JsonConverter(typeof(LicenseStatusJsonConverter))]
public enum LicenseStatus
{
    /// <summary>The license can be activated and validates as valid (unless expired or archived).</summary>
    Active = 0,

    /// <summary>The license is suspended; it can be enabled again.</summary>
    Disabled = 1,

    /// <summary>The license is revoked for good; no transition leaves this status.</summary>
    Revoked = 2,
}
