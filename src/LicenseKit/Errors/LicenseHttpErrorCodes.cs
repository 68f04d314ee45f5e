namespace LicenseKit;

/// <summary>
/// The stable codes of request failures the HTTP layer (<c>LicenseKit.AspNetCore</c>) detects before the core sees the
/// request (malformed JSON, wrong types, unknown fields, body size, an unresolvable business). They appear in the
/// <c>code</c> member of problem details, next to the core's <see cref="LicenseErrorCodes"/>; their messages come from
/// <see cref="LicenseErrorDescriber"/> like every other.
/// </summary>
public static class LicenseHttpErrorCodes
{
    /// <summary>The body is not well-formed JSON (truncated, invalid UTF-8, nested too deeply, a repeated property) or not a JSON object.</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>A field has the wrong JSON type or a value that cannot be read as its type (e.g. <c>"3"</c> for a number, a timestamp that is not ISO 8601).</summary>
    public const string FieldInvalidType = "FIELD_INVALID_TYPE";

    /// <summary>The body or query names a field the endpoint does not know; refused so a misspelt field is never silently ignored.</summary>
    public const string UnknownField = "UNKNOWN_FIELD";

    /// <summary>The endpoint needs a JSON body and the request has none.</summary>
    public const string RequestBodyRequired = "REQUEST_BODY_REQUIRED";

    /// <summary>The body is larger than the endpoints accept (<c>LicenseKitHttpLimits.MaxRequestBodyBytes</c>).</summary>
    public const string RequestBodyTooLarge = "REQUEST_BODY_TOO_LARGE";

    /// <summary>The body is not declared as JSON (<c>application/json</c> or a <c>+json</c> media type).</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>
    /// The request's business could not be resolved (e.g. <c>UseBusinessFromClaim</c> and a caller without the claim,
    /// typically an anonymous call to a group mapped without <c>RequireAuthorization</c>); answered 401.
    /// </summary>
    public const string BusinessNotResolved = "BUSINESS_NOT_RESOLVED";
}
