namespace LicenseKit.Benchmarks;

/// <summary>
/// The one fixed hashing secret every benchmark host and store runs with, and a hasher built from the same options, so
/// raw baselines can query <c>key_hash</c> with exactly the value the store is asked by.
/// </summary>
internal static class BenchmarkKeyHashing
{
    /// <summary>The id of the benchmark secret.</summary>
    public const string SecretId = "bench";

    /// <summary>32 zero bytes in base64: fixed, so hashes stay the same across runs (never a real secret).</summary>
    public static readonly string Secret = Convert.ToBase64String(new byte[LicenseKeyHashingOptions.MinSecretBytes]);

    /// <summary>A hasher over <see cref="Secret"/>, the same one a host configured by <see cref="Configure"/> uses.</summary>
    public static readonly HmacLicenseKeyHasher Hasher = new(Configure(new LicenseKeyHashingOptions()));

    /// <summary>Adds the benchmark secret to a host's hashing options.</summary>
    /// <param name="options">The options to configure, e.g. <c>o.KeyHashing</c> inside <c>AddLicenseKit</c>.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static LicenseKeyHashingOptions Configure(LicenseKeyHashingOptions options)
    {
        options.Secrets[SecretId] = Secret;
        return options;
    }

    /// <summary>The hash a store is asked by for <paramref name="key"/>, as the core computes it.</summary>
    /// <param name="key">The key as issued or typed.</param>
    /// <returns>The keyed hash of the normalized key.</returns>
    public static string Hash(string key) => Hasher.Hash(LicenseKeyNormalizer.Normalize(key));

    /// <summary><paramref name="license"/> with <see cref="License.KeyHash"/> and <see cref="License.KeyHint"/> set (and the plaintext key dropped) as the core does before a store sees it.</summary>
    /// <param name="license">A license whose <see cref="License.Key"/> is set.</param>
    /// <returns>The license ready for a store's <c>CreateAsync</c>.</returns>
    public static License WithKeyHash(License license)
    {
        var normalized = LicenseKeyNormalizer.Normalize(license.Key);
        return license with { Key = string.Empty, KeyHash = Hasher.Hash(normalized), KeyHint = LicenseKeyHint.Of(normalized) };
    }
}
