using LicenseKit.Internal;

namespace LicenseKit;

/// <summary>
/// Creates prefixed random identifiers such as <c>lic_hyQQhhNzfEuvv8Qd</c>: a prefix, an underscore and 16 base62
/// characters (about 95 bits from <see cref="System.Security.Cryptography.RandomNumberGenerator"/>).
/// </summary>
public static class PrefixedId
{
    /// <summary>The prefix of license ids.</summary>
    public const string License = "lic";

    /// <summary>The prefix of activation instance ids.</summary>
    public const string Instance = "lki";

    /// <summary>The prefix of event ids.</summary>
    public const string Event = "evt";

    private const int RandomLength = 16;
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Creates a new identifier with the given prefix.</summary>
    /// <param name="prefix">The prefix without underscore, e.g. <c>lic</c>.</param>
    /// <returns>The identifier.</returns>
    public static string Create(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return string.Create(prefix.Length + 1 + RandomLength, prefix, static (span, p) =>
        {
            p.AsSpan().CopyTo(span);
            span[p.Length] = '_';
            SecureRandom.FillFromAlphabet(span[(p.Length + 1)..], Base62);
        });
    }
}
