namespace LicenseKit;

/// <summary>
/// Normalizes license keys for uniqueness and lookup: surrounding whitespace is ignored and comparison is
/// case-insensitive, so a customer typing <c> abcd-efgh </c> finds <c>ABCD-EFGH</c>. Stores index and match keys in
/// this normalized form.
/// </summary>
public static class LicenseKeyNormalizer
{
    /// <summary>Returns the normalized form of <paramref name="key"/>.</summary>
    /// <param name="key">The key as typed or stored.</param>
    /// <returns>The trimmed, upper-case (invariant) key; the same instance when it is already normalized.</returns>
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.AsSpan().Trim();
        foreach (var c in trimmed)
        {
            if (char.IsLower(c) || c > 0x7F)
            {
                return trimmed.ToString().ToUpperInvariant();
            }
        }

        return trimmed.Length == key.Length ? key : trimmed.ToString();
    }
}
