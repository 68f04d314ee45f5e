namespace LicenseKit;

/// <summary>The rule for <see cref="License.KeyHint"/>: the last characters of the normalized key, never more than a quarter of it.</summary>
public static class LicenseKeyHint
{
    /// <summary>The most characters a hint shows.</summary>
    public const int MaxLength = 4;

    /// <summary>Returns the hint of a key: its last four characters, or a quarter of a key shorter than 16.</summary>
    /// <param name="normalizedKey">The key normalized with <see cref="LicenseKeyNormalizer.Normalize"/>.</param>
    /// <returns>The hint; <see langword="null"/> for a key shorter than four characters.</returns>
    public static string? Of(string normalizedKey)
    {
        ArgumentNullException.ThrowIfNull(normalizedKey);
        var length = Math.Min(MaxLength, normalizedKey.Length / 4);
        return length == 0 ? null : normalizedKey[^length..];
    }
}
