using System.Security.Cryptography;
using LicenseKit.Signing.Internal;
using LicenseKit.Verification.Internal;

namespace LicenseKit;

/// <summary>
/// An ECDSA P-256 private key with its key id (<c>kid</c>), imported once and safe to sign with from many threads.
/// LicenseKit never generates production keys: the host creates one (see the signed licenses guide) and passes its PEM.
/// </summary>
public sealed class LicenseSigningKey : IDisposable
{
    private const int MaxKeyIdLength = 64;

    private readonly EcdsaPool _pool;

    private LicenseSigningKey(string keyId, ECDsa key)
    {
        KeyId = keyId;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        _pool = new EcdsaPool(key, includePrivateParameters: true);
    }

    /// <summary>The key id written into every token as <c>kid</c>, e.g. <c>2026-01</c>.</summary>
    public string KeyId { get; }

    /// <summary>The signature algorithm, <c>ES256</c> (ECDSA over P-256 with SHA-256).</summary>
    public string Algorithm { get; } = TokenEncoding.Es256;

    /// <summary>The matching public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), to ship with client applications.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Imports a P-256 private key from PEM: PKCS#8 (<c>BEGIN PRIVATE KEY</c>) or SEC 1 (<c>BEGIN EC PRIVATE KEY</c>).</summary>
    /// <param name="keyId">The key id: 1 to 64 characters of <c>A-Z a-z 0-9 . _ -</c>.</param>
    /// <param name="privateKeyPem">The unencrypted private key PEM.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The key id or the PEM is invalid; the message says what is wrong.</exception>
    public static LicenseSigningKey FromPem(string keyId, string privateKeyPem)
    {
        ValidateKeyId(keyId);
        if (string.IsNullOrWhiteSpace(privateKeyPem))
        {
            throw new ArgumentException("The signing key PEM is empty.", nameof(privateKeyPem));
        }

        if (!PemEncoding.TryFind(privateKeyPem, out var fields))
        {
            throw new ArgumentException("The signing key is not PEM text (expected '-----BEGIN PRIVATE KEY-----').", nameof(privateKeyPem));
        }

        var label = privateKeyPem.AsSpan()[fields.Label];
        if (label.SequenceEqual("PUBLIC KEY"))
        {
            throw new ArgumentException("The signing key is a public key; the server needs the private key ('-----BEGIN PRIVATE KEY-----').", nameof(privateKeyPem));
        }

        if (label.SequenceEqual("ENCRYPTED PRIVATE KEY"))
        {
            throw new ArgumentException("The signing key is encrypted; pass an unencrypted PKCS#8 key ('openssl pkcs8 -topk8 -nocrypt') and keep it in your secret store.", nameof(privateKeyPem));
        }

        if (!label.SequenceEqual("PRIVATE KEY") && !label.SequenceEqual("EC PRIVATE KEY"))
        {
            throw new ArgumentException($"The signing key is a '{label}' PEM, not a 'PRIVATE KEY' (PKCS#8) or 'EC PRIVATE KEY'.", nameof(privateKeyPem));
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(privateKeyPem);
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ArgumentException($"The signing key is not an EC private key: {ex.Message}", nameof(privateKeyPem), ex);
        }

        return FromOwnedKey(keyId, key);
    }

    /// <summary>Uses an existing P-256 key that holds a private key, e.g. one loaded from a certificate store. The key is copied.</summary>
    /// <param name="keyId">The key id: 1 to 64 characters of <c>A-Z a-z 0-9 . _ -</c>.</param>
    /// <param name="key">The key; the caller keeps ownership of it.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The key id is invalid, or the key is not a P-256 private key.</exception>
    public static LicenseSigningKey FromECDsa(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ValidateKeyId(keyId);
        ECParameters parameters;
        try
        {
            parameters = key.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"The signing key has no exportable private key: {ex.Message}", nameof(key), ex);
        }

        try
        {
            return FromOwnedKey(keyId, ECDsa.Create(parameters));
        }
        finally
        {
            if (parameters.D is { } d)
            {
                CryptographicOperations.ZeroMemory(d);
            }
        }
    }

    /// <summary>Releases the key material.</summary>
    public void Dispose() => _pool.Dispose();

    /// <summary>
    /// Signs <paramref name="data"/> with ECDSA P-256 / SHA-256 into 64 bytes of IEEE P1363 <c>r || s</c>, in the canonical
    /// low-S form verifiers require.
    /// </summary>
    internal int Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        var key = _pool.Rent();
        try
        {
            if (!key.TrySignData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
                || written != TokenEncoding.Es256SignatureLength)
            {
                throw new CryptographicException("ECDSA P-256 produced a signature of an unexpected length.");
            }

            EcdsaSignatures.NormalizeToLowS(signature[..written]);
            return written;
        }
        finally
        {
            _pool.Return(key);
        }
    }

    private static LicenseSigningKey FromOwnedKey(string keyId, ECDsa key)
    {
        try
        {
            if (!EcCurves.IsP256(key))
            {
                var curve = key.ExportParameters(false).Curve;
                var name = curve.IsNamed ? curve.Oid.FriendlyName ?? curve.Oid.Value : "explicit parameters";
                throw new ArgumentException($"The signing key must be an ECDSA P-256 (prime256v1 / secp256r1) key; this one is on curve '{name}' ({key.KeySize} bits).", nameof(key));
            }

            try
            {
                // Proves the private half is present now rather than at the first activation.
                key.ExportParameters(includePrivateParameters: true);
            }
            catch (CryptographicException ex)
            {
                throw new ArgumentException("The signing key holds no private key.", nameof(key), ex);
            }

            return new LicenseSigningKey(keyId, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static void ValidateKeyId(string keyId)
    {
        if (string.IsNullOrEmpty(keyId) || keyId.Length > MaxKeyIdLength || !keyId.All(IsKeyIdChar))
        {
            throw new ArgumentException($"The key id must be 1 to {MaxKeyIdLength} characters of A-Z, a-z, 0-9, '.', '_' and '-'; got '{keyId}'.", nameof(keyId));
        }
    }

    private static bool IsKeyIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
