using System.Text.Json;
using LicenseKit.Serialization;

namespace LicenseKit;

// The errors the HTTP layer (LicenseKit.AspNetCore) finds while reading a request, before the core sees it: here so that a
// host's describer words (or localises) every message a caller can get, HTTP or not, in one class.
public partial class LicenseErrorDescriber
{
    /// <summary>The request body could not be read from the connection (e.g. a malformed chunked encoding).</summary>
    /// <param name="reason">What the server reported.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.InvalidJson"/> error.</returns>
    public virtual LicenseError RequestBodyUnreadable(string reason) =>
        new(LicenseHttpErrorCodes.InvalidJson, $"The request body could not be read: {reason}");

    /// <summary>The endpoint needs a JSON body and the request has none.</summary>
    /// <returns>A <see cref="LicenseHttpErrorCodes.RequestBodyRequired"/> error.</returns>
    public virtual LicenseError RequestBodyRequired() =>
        new(LicenseHttpErrorCodes.RequestBodyRequired, "A JSON object body is required.");

    /// <summary>The body is larger than the endpoints accept.</summary>
    /// <param name="maxBytes">The largest body accepted, in bytes.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.RequestBodyTooLarge"/> error.</returns>
    public virtual LicenseError RequestBodyTooLarge(int maxBytes) =>
        new(LicenseHttpErrorCodes.RequestBodyTooLarge, Invariant($"The body is larger than {maxBytes} bytes."));

    /// <summary>The body is not declared as JSON.</summary>
    /// <returns>A <see cref="LicenseHttpErrorCodes.UnsupportedMediaType"/> error.</returns>
    public virtual LicenseError UnsupportedMediaType() =>
        new(LicenseHttpErrorCodes.UnsupportedMediaType, "The body must be sent as application/json.");

    /// <summary>The body is not well-formed JSON.</summary>
    /// <param name="reason">What the JSON reader reported.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.InvalidJson"/> error.</returns>
    public virtual LicenseError InvalidJson(string reason) =>
        new(LicenseHttpErrorCodes.InvalidJson, $"The body is not valid JSON: {reason}");

    /// <summary>The body is JSON but not an object.</summary>
    /// <returns>A <see cref="LicenseHttpErrorCodes.InvalidJson"/> error.</returns>
    public virtual LicenseError RequestBodyNotObject() =>
        new(LicenseHttpErrorCodes.InvalidJson, "The body must be a JSON object.");

    /// <summary>The request's business could not be resolved from the caller's credentials.</summary>
    /// <returns>A <see cref="LicenseHttpErrorCodes.BusinessNotResolved"/> error.</returns>
    public virtual LicenseError BusinessNotResolved() =>
        new(LicenseHttpErrorCodes.BusinessNotResolved, "The request's business could not be resolved: authenticate with credentials that carry it.");

    /// <summary>An <c>If-Match</c> header that is neither <c>*</c> nor one strong ETag the API returned.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.ConcurrencyConflict"/> error on <c>version</c>.</returns>
    public virtual LicenseError IfMatchInvalid() =>
        new(LicenseErrorCodes.ConcurrencyConflict, "If-Match must be \"*\" or one ETag this API returned.", "version");

    /// <summary>A body field, query parameter or header the endpoint does not know.</summary>
    /// <param name="field">The name as the caller sent it (shortened when long).</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.UnknownField"/> error.</returns>
    public virtual LicenseError UnknownField(string field) =>
        new(LicenseHttpErrorCodes.UnknownField, $"'{field}' is not a field of this request.", field);

    /// <summary>A query parameter or header given more than once.</summary>
    /// <param name="name">Its name in the request.</param>
    /// <param name="field">The field to blame.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError FieldRepeated(string name, string field) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{name}' must be given once.", field);

    /// <summary>A field has the wrong JSON type.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <param name="expected">What it should have been.</param>
    /// <param name="given">What it was.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError FieldInvalidType(string field, LicenseFieldKind expected, JsonValueKind given) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{field}' must be {Expected(expected)}, not {Given(given)}.", field);

    /// <summary>A query parameter whose text cannot be read as its kind.</summary>
    /// <param name="field">The parameter's name.</param>
    /// <param name="expected">What it should have been.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError QueryValueInvalid(string field, LicenseFieldKind expected) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{field}' must be {Expected(expected)}.", field);

    /// <summary>A parameter that takes one of a few spellings got another.</summary>
    /// <param name="field">The parameter's name.</param>
    /// <param name="allowed">The spellings it takes.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError FieldNotOneOf(string field, IReadOnlyList<string> allowed) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{field}' must be one of {string.Join(", ", allowed)}.", field);

    /// <summary>A parameter that takes one of a few values got another.</summary>
    /// <param name="field">The parameter's name.</param>
    /// <param name="allowed">The values it takes.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldOutOfRange"/> error.</returns>
    public virtual LicenseError ValueNotAllowed(string field, IReadOnlyList<string> allowed) =>
        new(LicenseErrorCodes.FieldOutOfRange, $"'{field}' must be one of {string.Join(", ", allowed)}.", field);

    /// <summary>An array of strings holds an item that is not a string.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError FieldItemNotString(string field) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{field}' must hold strings only.", field);

    /// <summary>A string holds a lone surrogate escape (e.g. <c>"\uD800"</c>): valid JSON, but no valid string.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError FieldNotUnicode(string field) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{field}' is not a valid Unicode string.", field);

    /// <summary>An object of string values holds a value that is not a string.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <param name="entry">The name of the entry whose value is not a string (shortened when long).</param>
    /// <returns>A <see cref="LicenseHttpErrorCodes.FieldInvalidType"/> error.</returns>
    public virtual LicenseError FieldValueNotString(string field, string entry) =>
        new(LicenseHttpErrorCodes.FieldInvalidType, $"'{field}' values must be strings; '{entry}' is not.", field);

    /// <summary>An integer literal far beyond the range of any field (it does not even fit 32 bits).</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldOutOfRange"/> error.</returns>
    public virtual LicenseError FieldFarOutOfRange(string field) =>
        new(LicenseErrorCodes.FieldOutOfRange, $"'{field}' is far outside its allowed range.", field);

    /// <summary>The <c>detail</c> of a problem that lists several errors.</summary>
    /// <param name="count">How many errors the request has.</param>
    /// <param name="first">The first of them.</param>
    /// <returns>The text.</returns>
    public virtual string SeveralErrors(int count, LicenseError first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return Invariant($"The request has {count} errors, listed in 'errors'. The first: {first.Description}");
    }

    private static string Expected(LicenseFieldKind kind) => kind switch
    {
        LicenseFieldKind.String => "a string",
        LicenseFieldKind.Integer => "an integer",
        LicenseFieldKind.Boolean => "true or false",
        LicenseFieldKind.Timestamp => "an ISO 8601 timestamp such as \"2027-01-01T00:00:00.000Z\"",
        LicenseFieldKind.Status => "one of " + string.Join(", ", Enum.GetValues<LicenseStatus>().Select(s => $"\"{LicenseWireFormat.ToWire(s)}\"")),
        LicenseFieldKind.Metadata => "an object of string values",
        LicenseFieldKind.Entitlements => "an array of strings",
        _ => "another type",
    };

    private static string Given(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "this number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "this value",
    };
}
