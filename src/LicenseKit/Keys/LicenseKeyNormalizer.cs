using System.Text;

namespace LicenseKit;

/// <summary>
/// Normalizes license keys for uniqueness and lookup: surrounding whitespace is ignored, Unicode compatibility forms are
/// folded (NFKC, so a key typed in full-width mode such as <c>ＡＢＣＤ－ＥＦＧＨ</c> is <c>ABCD-EFGH</c>) and comparison is
/// case-insensitive, so a customer typing <c> abcd-efgh </c> finds <c>ABCD-EFGH</c>. Stores index and match keys in
/// this normalized form.
/// </summary>
public static class LicenseKeyNormalizer
{
    /// <summary>Returns the normalized form of <paramref name="key"/>: trimmed, then NFKC, then upper-case (invariant).</summary>
    /// <param name="key">The key as typed or stored.</param>
    /// <returns>The normalized key; the same instance when it is already normalized.</returns>
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.AsSpan().Trim();
        foreach (var c in trimmed)
        {
            if (char.IsLower(c) || c > 0x7F)
            {
                return Fold(trimmed.ToString());
            }
        }

        // Printable ASCII without lower-case letters is already in NFKC and upper case.
        return trimmed.Length == key.Length ? key : trimmed.ToString();
    }

    private static string Fold(string trimmed)
    {
        string composed;
        try
        {
            composed = trimmed.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalized; such a key is refused on write and found by nothing.
            composed = trimmed;
        }

        return composed.ToUpperInvariant();
    }
}
