using System.Diagnostics.CodeAnalysis;

namespace LicenseKit;

/// <summary>
/// The JSON shapes a request field can take over HTTP: what <see cref="LicenseErrorDescriber.FieldInvalidType"/> says a
/// field should have been. The HTTP layer has one reader and one OpenAPI schema per kind.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name JSON value shapes, as JSON spells them.")]
public enum LicenseFieldKind
{
    /// <summary>A string, or null.</summary>
    String,

    /// <summary>An integer within <see cref="int"/>, or null; never a string.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An ISO 8601 timestamp string, or null.</summary>
    Timestamp,

    /// <summary>A status name: ACTIVE, DISABLED or REVOKED.</summary>
    Status,

    /// <summary>An object of string values, or null.</summary>
    Metadata,

    /// <summary>An array of entitlement names (strings), or null.</summary>
    Entitlements,
}
