namespace LicenseKit;

/// <summary>
/// The format of generated keys: <see cref="GroupCount"/> groups of <see cref="GroupLength"/> characters from
/// <see cref="Alphabet"/>, joined by <see cref="Separator"/>, after an optional <see cref="Prefix"/>.
/// The default, <c>XXXX-XXXX-XXXX-XXXX</c> over a 32-character alphabet, carries 80 bits of entropy.
/// Formats below <see cref="MinimumEntropyBits"/> are refused at startup.
/// </summary>
public sealed class LicenseKeyFormat
{
    /// <summary>Uppercase Crockford base32: digits and letters without the look-alikes I, L, O and U.</summary>
    public const string CrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The minimum entropy of a key format that the options validator accepts.</summary>
    public const double MinimumEntropyBits = 64;

    /// <summary>The number of groups. Default 4.</summary>
    public int GroupCount { get; set; } = 4;

    /// <summary>The number of characters per group. Default 4.</summary>
    public int GroupLength { get; set; } = 4;

    /// <summary>The characters a key is drawn from: distinct, uppercase, no whitespace. Default <see cref="CrockfordAlphabet"/>.</summary>
    public string Alphabet { get; set; } = CrockfordAlphabet;

    /// <summary>The separator between groups; may be empty. Default <c>-</c>.</summary>
    public string Separator { get; set; } = "-";

    /// <summary>An optional fixed prefix such as <c>ACME-</c>; it adds no entropy. Default none.</summary>
    public string? Prefix { get; set; }

    /// <summary>The entropy in bits of a key of this format: characters × log2(alphabet size).</summary>
    public double EntropyBits => Alphabet.Length < 2 ? 0 : GroupCount * GroupLength * Math.Log2(Alphabet.Length);

    /// <summary>The length of a generated key.</summary>
    public int KeyLength => (Prefix?.Length ?? 0) + (GroupCount * GroupLength) + (Math.Max(0, GroupCount - 1) * Separator.Length);
}
