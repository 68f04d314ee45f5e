using System.Buffers;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Samples.Api.Security;

/// <summary>
/// The configured API keys ("ApiKeys" section: key → business id), held as SHA-256 hashes computed once at start-up.
/// A lookup hashes the presented key once and finds it in a dictionary, so its cost does not grow with the number of
/// keys, and the plaintext keys are not kept in memory. It allocates nothing: it runs on every request.
/// </summary>
internal sealed class ApiKeyRing
{
    /// <summary>The configuration section holding the keys.</summary>
    public const string SectionName = "ApiKeys";

    private const string SecretKeyPrefix = "sk_";

    // Longer presented keys are hashed from a pooled buffer instead of the stack.
    private const int StackBufferBytes = 256;

    // Keyed by the hash's hex digits, looked up with digits written on the stack.
    private readonly FrozenDictionary<string, ApiKeyGrant>.AlternateLookup<ReadOnlySpan<char>> _grantsByHash;

    /// <summary>Hashes each key of <paramref name="keys"/> (key → business id); keys without a business are ignored.</summary>
    public ApiKeyRing(IEnumerable<KeyValuePair<string, string?>> keys)
    {
        _grantsByHash = keys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key) && !string.IsNullOrWhiteSpace(k.Value))
            .Select(k => new ApiKeyGrant(Hash(k.Key), k.Value!, k.Key.StartsWith(SecretKeyPrefix, StringComparison.Ordinal)))
            .ToFrozenDictionary(g => Convert.ToHexString(g.KeyHash), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads the keys from the "ApiKeys" section.</summary>
    public static ApiKeyRing FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection(SectionName).GetChildren().Select(c => KeyValuePair.Create(c.Key, c.Value)));

    /// <summary>The grant of <paramref name="presentedKey"/>, or null when no configured key matches it.</summary>
    public ApiKeyGrant? Find(ReadOnlySpan<char> presentedKey)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(presentedKey.Length);
        byte[]? rented = null;
        var buffer = byteCount <= StackBufferBytes ? stackalloc byte[StackBufferBytes] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..Encoding.UTF8.GetBytes(presentedKey, buffer)], hash);
            Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
            Convert.TryToHexString(hash, hex, out _);

            // The dictionary finds the candidate by hash; the fixed-time comparison is the check itself.
            return _grantsByHash.TryGetValue(hex, out var grant) && CryptographicOperations.FixedTimeEquals(grant.KeyHash, hash)
                ? grant
                : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
