namespace LicenseKit.Internal;

/// <summary>The field rules shared by every operation; each failure names the field in its wire spelling.</summary>
internal static class InputValidator
{
    public static void RequiredText(ref List<LicenseError>? errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(ref errors, LicenseErrorCodes.FieldRequired, $"'{field}' is required.", field);
            return;
        }

        Text(ref errors, value, field, maxLength, allowLineBreaks: false);
    }

    public static void OptionalText(ref List<LicenseError>? errors, string? value, string field, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value) && !allowLineBreaks)
        {
            Add(ref errors, LicenseErrorCodes.FieldRequired, $"'{field}' must not be empty when given.", field);
            return;
        }

        Text(ref errors, value, field, maxLength, allowLineBreaks);
    }

    public static void Range(ref List<LicenseError>? errors, int? value, string field, int min, int max, string meaning)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(ref errors, LicenseErrorCodes.FieldOutOfRange, $"'{field}' must be between {min} and {max}{meaning}.", field);
        }
    }

    public static void Metadata(ref List<LicenseError>? errors, IReadOnlyDictionary<string, string>? metadata)
    {
        const string field = "metadata";
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > LicenseLimits.MaxMetadataEntries)
        {
            Add(ref errors, LicenseErrorCodes.MetadataTooManyEntries, $"'metadata' has {metadata.Count} entries; at most {LicenseLimits.MaxMetadataEntries} are allowed.", field);
            return;
        }

        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                Add(ref errors, LicenseErrorCodes.FieldRequired, "Metadata keys must not be empty.", field);
            }
            else if (key.Length > LicenseLimits.MaxMetadataKeyLength)
            {
                Add(ref errors, LicenseErrorCodes.FieldTooLong, $"Metadata key '{key[..LicenseLimits.MaxMetadataKeyLength]}…' is longer than {LicenseLimits.MaxMetadataKeyLength} characters.", field);
            }
            else if (HasControlCharacters(key, allowLineBreaks: false))
            {
                Add(ref errors, LicenseErrorCodes.FieldInvalidCharacters, "Metadata keys must not contain control characters.", field);
            }

            if (value is null)
            {
                Add(ref errors, LicenseErrorCodes.FieldRequired, $"Metadata value of '{key}' must not be null.", field);
            }
            else if (value.Length > LicenseLimits.MaxMetadataValueLength)
            {
                Add(ref errors, LicenseErrorCodes.FieldTooLong, $"Metadata value of '{key}' is longer than {LicenseLimits.MaxMetadataValueLength} characters.", field);
            }
            else if (HasControlCharacters(value, allowLineBreaks: true))
            {
                Add(ref errors, LicenseErrorCodes.FieldInvalidCharacters, $"Metadata value of '{key}' must not contain control characters.", field);
            }
        }
    }

    public static void Add(ref List<LicenseError>? errors, string code, string description, string? field)
    {
        errors ??= [];
        errors.Add(new LicenseError(code, description, field));
    }

    private static void Text(ref List<LicenseError>? errors, string value, string field, int maxLength, bool allowLineBreaks)
    {
        if (value.Length > maxLength)
        {
            Add(ref errors, LicenseErrorCodes.FieldTooLong, $"'{field}' is {value.Length} characters long; at most {maxLength} are allowed.", field);
        }
        else if (HasControlCharacters(value, allowLineBreaks))
        {
            Add(ref errors, LicenseErrorCodes.FieldInvalidCharacters, $"'{field}' must not contain control characters.", field);
        }
    }

    private static bool HasControlCharacters(string value, bool allowLineBreaks)
    {
        var sawSurrogate = false;
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return true;
            }

            sawSurrogate |= char.IsSurrogate(c);
        }

        // Lone surrogates cannot be stored or serialized faithfully.
        return sawSurrogate && HasLoneSurrogate(value);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
