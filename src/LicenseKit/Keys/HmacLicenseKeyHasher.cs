using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using LicenseKit.Internal;

namespace LicenseKit;

/// <summary>
/// The default <see cref="ILicenseKeyHasher"/>: HMAC-SHA256 under the secrets of <see cref="LicenseKeyHashingOptions"/>,
/// written <c>secret-id:base64url-digest</c> (at most 76 characters). Thread-safe.
/// </summary>
/// <remarks>
/// With no secret configured it draws a random one that lives as long as the process (id <c>ephemeral</c>): enough for
/// the in-memory store, whose licenses die with the process too. LicenseKit refuses to start a host with any other store
/// and no secret (see <c>docs/keys-at-rest.md</c>).
/// </remarks>
public sealed class HmacLicenseKeyHasher : ILicenseKeyHasher
{
    /// <summary>The id of the secret drawn when none is configured.</summary>
    public const string EphemeralSecretId = "ephemeral";

    private const int StackBufferBytes = 512;

    // Current first: lookups try it first, and most keys are stored under it.
    private readonly (string Id, byte[] Secret)[] _secrets;

    // The same secrets, in the same order, keyed once per thread.
    private readonly ThreadKeyedHmac _hmac;

    /// <summary>Creates a hasher over the configured secrets, or over a random secret when none is configured.</summary>
    /// <param name="options">The secrets; validated by <c>AddLicenseKit</c> at startup, checked again here.</param>
    /// <exception cref="ArgumentException">A secret is not base64 of at least 32 bytes, or the current id is unknown.</exception>
    public HmacLicenseKeyHasher(LicenseKeyHashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Secrets.Count == 0)
        {
            _secrets = [(EphemeralSecretId, RandomNumberGenerator.GetBytes(LicenseKeyHashingOptions.MinSecretBytes))];
            _hmac = new ThreadKeyedHmac([_secrets[0].Secret]);
            return;
        }

        var current = LicenseKeyHashing.CurrentSecretId(options)
            ?? throw new ArgumentException("LicenseKit:KeyHashing:CurrentSecretId must name one of the configured secrets.", nameof(options));
        var secrets = new List<(string, byte[])>(options.Secrets.Count);
        foreach (var (id, value) in options.Secrets.OrderBy(s => s.Key == current ? 0 : 1).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            secrets.Add((id, LicenseKeyHashing.DecodeSecret(id, value) ?? throw new ArgumentException(LicenseKeyHashing.SecretProblem(id), nameof(options))));
        }

        _secrets = [.. secrets];
        _hmac = new ThreadKeyedHmac([.. secrets.Select(s => s.Item2)]);
    }

    /// <inheritdoc />
    public string CurrentSecretId => _secrets[0].Id;

    /// <inheritdoc />
    public string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Hash(0, value);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> HashWithOlderSecrets(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_secrets.Length == 1)
        {
            return [];
        }

        var hashes = new string[_secrets.Length - 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash(i + 1, value);
        }

        return hashes;
    }

    /// <inheritdoc />
    public bool IsCurrent(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var id = _secrets[0].Id;
        return hash.Length > id.Length && hash[id.Length] == ':' && hash.StartsWith(id, StringComparison.Ordinal);
    }

    private string Hash(int secretIndex, string value)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = byteCount <= StackBufferBytes ? stackalloc byte[StackBufferBytes] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            // A lone surrogate (refused on write, found by nothing) becomes U+FFFD here rather than an exception.
            var written = Encoding.UTF8.GetBytes(value, buffer);
            Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
            _hmac.Hash(secretIndex, buffer[..written], digest);

            // The digest's base64url written on the stack: the hash is the only string allocated.
            Span<char> encoded = stackalloc char[Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes)];
            Base64Url.EncodeToChars(digest, encoded);
            return string.Concat(_secrets[secretIndex].Id, ":", encoded);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
