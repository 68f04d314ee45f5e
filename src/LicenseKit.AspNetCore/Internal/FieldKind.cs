namespace LicenseKit.Internal;

/// <summary>The JSON shapes a request field can take; each has one reader in <see cref="FieldReader"/> and one OpenAPI schema.</summary>
internal enum FieldKind
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
