using LicenseKit.Serialization;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace LicenseKit.Internal;

/// <summary>
/// Reads the properties of a JSON object one by one into typed values, collecting one error per bad field instead of
/// stopping at the first, and telling an absent property (never visited) from an explicit <c>null</c>.
/// </summary>
internal sealed class FieldReader
{
    private List<LicenseError>? _errors;

    public IReadOnlyList<LicenseError>? Errors => _errors;

    public void Add(string code, string description, string? field) => (_errors ??= []).Add(new LicenseError(code, description, field));

    /// <summary>Whether an error about <paramref name="field"/> was recorded already.</summary>
    public bool HasErrorFor(string field) => _errors?.Exists(e => e.Field == field) == true;

    /// <summary>
    /// The one value of a header or query parameter, or null when absent. Given twice it is ambiguous: refused rather
    /// than one picked.
    /// </summary>
    public string? Single(StringValues values, string name, string field)
    {
        if (values.Count > 1)
        {
            Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{name}' must be given once.", field);
            return null;
        }

        return values.Count == 1 ? values[0] : null;
    }

    public void Unknown(string name) =>
        Add(LicenseHttpErrorCodes.UnknownField, $"'{Truncate(name)}' is not a field of this request.", Truncate(name));

    /// <summary>A string or null.</summary>
    public bool TryString(JsonProperty property, out string? value)
    {
        value = null;
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                try
                {
                    value = property.Value.GetString();
                    return true;
                }
                catch (InvalidOperationException)
                {
                    // A lone surrogate escape (e.g. "\uD800") is valid JSON but no valid string.
                    Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{property.Name}' is not a valid Unicode string.", property.Name);
                    return false;
                }

            default:
                return WrongType(property, "a string");
        }
    }

    /// <summary>An integer in the range of <see cref="int"/>, or null.</summary>
    public bool TryInt32(JsonProperty property, out int? value)
    {
        value = null;
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when property.Value.TryGetInt32(out var number):
                value = number;
                return true;
            case JsonValueKind.Number when IsIntegerLiteral(property.Value.GetRawText()):
                Add(LicenseErrorCodes.FieldOutOfRange, $"'{property.Name}' is far outside its allowed range.", property.Name);
                return false;
            default:
                return WrongType(property, "an integer");
        }
    }

    /// <summary>true or false; null is refused.</summary>
    public bool TryBoolean(JsonProperty property, out bool value)
    {
        value = false;
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return WrongType(property, "true or false");
        }
    }

    /// <summary>An ISO 8601 timestamp string, or null.</summary>
    public bool TryTimestamp(JsonProperty property, out DateTimeOffset? value)
    {
        value = null;
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String when property.Value.TryGetDateTimeOffset(out var timestamp):
                value = timestamp.ToUniversalTime();
                return true;
            default:
                return WrongType(property, "an ISO 8601 timestamp such as \"2027-01-01T00:00:00.000Z\"");
        }
    }

    /// <summary>A status name (<c>ACTIVE</c>, <c>DISABLED</c>, <c>REVOKED</c>); null is refused.</summary>
    public bool TryStatus(JsonProperty property, out LicenseStatus value)
    {
        value = default;
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            return WrongType(property, $"one of {QuotedStatusSpellings}");
        }

        if (LicenseWireFormat.TryParseStatus(ReadableString(property.Value), out value))
        {
            return true;
        }

        Add(LicenseErrorCodes.FieldOutOfRange, $"'{property.Name}' must be one of {QuotedStatusSpellings}.", property.Name);
        return false;
    }

    /// <summary>An object of string values, or null.</summary>
    public bool TryMetadata(JsonProperty property, out IReadOnlyDictionary<string, string>? value)
    {
        value = null;
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            return WrongType(property, "an object of string values");
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var entry in property.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{property.Name}' values must be strings; '{Truncate(entry.Name)}' is not.", property.Name);
                return false;
            }

            try
            {
                entries.Add(new(entry.Name, entry.Value.GetString()!));
            }
            catch (InvalidOperationException)
            {
                Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{property.Name}' holds a value that is not a valid Unicode string.", property.Name);
                return false;
            }
        }

        value = new LicenseMetadata(entries);
        return true;
    }

    /// <summary>An array of strings (entitlement names, checked by the core), or null.</summary>
    public bool TryEntitlements(JsonProperty property, out IReadOnlyList<string>? value)
    {
        value = null;
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            return WrongType(property, "an array of strings");
        }

        var names = new List<string>(property.Value.GetArrayLength());
        foreach (var item in property.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{property.Name}' must hold strings only.", property.Name);
                return false;
            }

            try
            {
                names.Add(item.GetString()!);
            }
            catch (InvalidOperationException)
            {
                Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{property.Name}' holds a value that is not a valid Unicode string.", property.Name);
                return false;
            }
        }

        value = names;
        return true;
    }

    /// <summary>The wire spellings of the statuses, for messages and the document.</summary>
    public static IEnumerable<string> StatusSpellings => Enum.GetValues<LicenseStatus>().Select(LicenseWireFormat.ToWire);

    private static string QuotedStatusSpellings => string.Join(", ", StatusSpellings.Select(s => $"\"{s}\""));

    // A status spelling is ASCII; a string that does not decode (a lone surrogate) is simply not one of them.
    private static string? ReadableString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private bool WrongType(JsonProperty property, string expected)
    {
        Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{property.Name}' must be {expected}, not {Describe(property.Value.ValueKind)}.", property.Name);
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "this number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "this value",
    };

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static bool IsIntegerLiteral(string raw) =>
        raw.AsSpan().TrimStart('-').IndexOfAnyExcept(Digits) < 0;

    // Field names come from the client; keep the echo of an unknown one bounded.
    private static string Truncate(string name) =>
        name.Length <= LicenseLimits.MaxIdLength ? name : string.Create(CultureInfo.InvariantCulture, $"{name[..LicenseLimits.MaxIdLength]}…");
}
