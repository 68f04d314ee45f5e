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
internal sealed class FieldReader(LicenseErrorDescriber describe)
{
    private List<LicenseError>? _errors;

    public IReadOnlyList<LicenseError>? Errors => _errors;

    /// <summary>The host's describer: every message of a request error comes from it.</summary>
    public LicenseErrorDescriber Describe { get; } = describe;

    public void Add(LicenseError error) => (_errors ??= []).Add(error);

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
            Add(Describe.FieldRepeated(name, field));
            return null;
        }

        return values.Count == 1 ? values[0] : null;
    }

    public void Unknown(string name) => Add(Describe.UnknownField(Truncate(name)));

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
                    Add(Describe.FieldNotUnicode(property.Name));
                    return false;
                }

            default:
                return WrongType(property, LicenseFieldKind.String);
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
                Add(Describe.FieldFarOutOfRange(property.Name));
                return false;
            default:
                return WrongType(property, LicenseFieldKind.Integer);
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
                return WrongType(property, LicenseFieldKind.Boolean);
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
                return WrongType(property, LicenseFieldKind.Timestamp);
        }
    }

    /// <summary>A status name (<c>ACTIVE</c>, <c>DISABLED</c>, <c>REVOKED</c>); null is refused.</summary>
    public bool TryStatus(JsonProperty property, out LicenseStatus value)
    {
        value = default;
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            return WrongType(property, LicenseFieldKind.Status);
        }

        if (LicenseWireFormat.TryParseStatus(ReadableString(property.Value), out value))
        {
            return true;
        }

        Add(Describe.InvalidStatus(property.Name));
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
            return WrongType(property, LicenseFieldKind.Metadata);
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var entry in property.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                Add(Describe.FieldValueNotString(property.Name, Truncate(entry.Name)));
                return false;
            }

            try
            {
                entries.Add(new(entry.Name, entry.Value.GetString()!));
            }
            catch (InvalidOperationException)
            {
                Add(Describe.FieldNotUnicode(property.Name));
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
            return WrongType(property, LicenseFieldKind.Entitlements);
        }

        var names = new List<string>(property.Value.GetArrayLength());
        foreach (var item in property.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Add(Describe.FieldItemNotString(property.Name));
                return false;
            }

            try
            {
                names.Add(item.GetString()!);
            }
            catch (InvalidOperationException)
            {
                Add(Describe.FieldNotUnicode(property.Name));
                return false;
            }
        }

        value = names;
        return true;
    }

    /// <summary>The wire spellings of the statuses, for messages and the document.</summary>
    public static IEnumerable<string> StatusSpellings => Enum.GetValues<LicenseStatus>().Select(LicenseWireFormat.ToWire);

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

    private bool WrongType(JsonProperty property, LicenseFieldKind expected)
    {
        Add(Describe.FieldInvalidType(property.Name, expected, property.Value.ValueKind));
        return false;
    }

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static bool IsIntegerLiteral(string raw) =>
        raw.AsSpan().TrimStart('-').IndexOfAnyExcept(Digits) < 0;

    // Field names come from the client; keep the echo of an unknown one bounded.
    private static string Truncate(string name) =>
        name.Length <= LicenseLimits.MaxIdLength ? name : string.Create(CultureInfo.InvariantCulture, $"{name[..LicenseLimits.MaxIdLength]}…");
}
