namespace LicenseKit;

/// <summary>
/// Turns license keys and idempotency keys into the values stores index and match: a keyed hash, so a database dump, a
/// backup or a server log line holds nothing that works as a key. The default is <see cref="HmacLicenseKeyHasher"/>.
/// </summary>
/// <remarks>
/// Every hash names the secret it was made with (<c>secret-id:digest</c>), so keys hashed under a retired secret stay
/// findable while that secret is still configured, and can be re-hashed under the current one.
/// </remarks>
public interface ILicenseKeyHasher
{
    /// <summary>The id of the secret <see cref="Hash"/> uses.</summary>
    string CurrentSecretId { get; }

    /// <summary>Hashes <paramref name="value"/> with the current secret.</summary>
    /// <param name="value">A license key already normalized with <see cref="LicenseKeyNormalizer.Normalize"/>, or an idempotency key as given.</param>
    /// <returns>The hash, <c>secret-id:digest</c>.</returns>
    string Hash(string value);

    /// <summary>
    /// Hashes <paramref name="value"/> with every configured secret except the current one: what a lookup tries after
    /// the current hash missed, so a key stored under an older secret is still found.
    /// </summary>
    /// <param name="value">The normalized license key or the idempotency key.</param>
    /// <returns>One hash per older secret; empty (and nothing computed) when only the current secret is configured.</returns>
    IReadOnlyList<string> HashWithOlderSecrets(string value);

    /// <summary>Whether <paramref name="hash"/> was made with the current secret.</summary>
    /// <param name="hash">A stored hash.</param>
    /// <returns><see langword="true"/> when it needs no re-hashing.</returns>
    bool IsCurrent(string hash);
}
