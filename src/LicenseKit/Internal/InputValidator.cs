namespace LicenseKit.Internal;

/// <summary>The field rules shared by every operation; each failure names the field in its wire spelling.</summary>
internal static class InputValidator
{
    public static void RequiredText(LicenseErrorDescriber describe, ref List<LicenseError>? errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(ref errors, describe.FieldRequired(field));
            return;
        }

        Text(describe, ref errors, value, field, maxLength, allowLineBreaks: false);
    }

    public static void OptionalText(LicenseErrorDescriber describe, ref List<LicenseError>? errors, string? value, string field, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value) && !allowLineBreaks)
        {
            Add(ref errors, describe.FieldEmpty(field));
            return;
        }

        Text(describe, ref errors, value, field, maxLength, allowLineBreaks);
    }

    public static void Range(LicenseErrorDescriber describe, ref List<LicenseError>? errors, int? value, string field, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(ref errors, describe.FieldOutOfRange(field, min, max));
        }
    }

    public static void Metadata(LicenseErrorDescriber describe, ref List<LicenseError>? errors, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > LicenseLimits.MaxMetadataEntries)
        {
            Add(ref errors, describe.MetadataTooManyEntries(metadata.Count, LicenseLimits.MaxMetadataEntries));
            return;
        }

        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                Add(ref errors, describe.MetadataKeyEmpty());
            }
            else if (key.Length > LicenseLimits.MaxMetadataKeyLength)
            {
                Add(ref errors, describe.MetadataKeyTooLong(key, LicenseLimits.MaxMetadataKeyLength));
            }
            else if (HasControlCharacters(key, allowLineBreaks: false))
            {
                Add(ref errors, describe.MetadataKeyInvalidCharacters());
            }

            if (value is null)
            {
                Add(ref errors, describe.MetadataValueMissing(key));
            }
            else if (value.Length > LicenseLimits.MaxMetadataValueLength)
            {
                Add(ref errors, describe.MetadataValueTooLong(key, LicenseLimits.MaxMetadataValueLength));
            }
            else if (HasControlCharacters(value, allowLineBreaks: true))
            {
                Add(ref errors, describe.MetadataValueInvalidCharacters(key));
            }
        }
    }

    public static void Entitlements(LicenseErrorDescriber describe, ref List<LicenseError>? errors, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return;
        }

        if (names.Count > LicenseLimits.MaxEntitlements)
        {
            Add(ref errors, describe.EntitlementsTooMany(names.Count, LicenseLimits.MaxEntitlements));
            return;
        }

        foreach (var name in names.Where(n => !LicenseEntitlements.IsValidName(n)))
        {
            Add(ref errors, describe.EntitlementNameInvalid(name));
        }
    }

    /// <summary>
    /// Whether a lookup input (a key ignoring surrounding whitespace, an id, a fingerprint) could match anything written:
    /// blank, over-long input and characters the write rules refuse (U+0000 and other control characters, lone
    /// surrogates) match nothing, so they never reach a store, whose databases disagree on how to fail for them.
    /// </summary>
    public static bool IsLookupable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !HasControlCharacters(value.Trim(), allowLineBreaks: false);

    public static void Add(ref List<LicenseError>? errors, LicenseError error)
    {
        errors ??= [];
        errors.Add(error);
    }

    private static void Text(LicenseErrorDescriber describe, ref List<LicenseError>? errors, string value, string field, int maxLength, bool allowLineBreaks)
    {
        if (value.Length > maxLength)
        {
            Add(ref errors, describe.FieldTooLong(field, value.Length, maxLength));
        }
        else if (HasControlCharacters(value, allowLineBreaks))
        {
            Add(ref errors, describe.FieldInvalidCharacters(field));
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
