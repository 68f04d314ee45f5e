using System.Buffers;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using LicenseKit.Verification.Internal;

namespace LicenseKit;

/// <summary>
/// Verifies signed license tokens (<c>LK1.&lt;payload&gt;.&lt;signature&gt;</c>, ECDSA P-256) offline, in a client
/// application, with nothing but the base class library:
/// <code>
/// using var verifier = new LicenseTokenVerifier(publicKeyPem, "2026-01");
/// var result = verifier.Verify(token, fingerprint: "fp-123");
/// if (result.IsValid) { /* unlock, read result.Claims.Metadata */ }
/// </code>
/// </summary>
/// <remarks>
/// Public keys are imported once, in the constructor. <see cref="Verify(string?, string?)"/> is thread-safe and never
/// throws for any input; it returns a <see cref="LicenseTokenCode"/>. Create one verifier and keep it for the life of
/// the application.
/// </remarks>
public sealed class LicenseTokenVerifier : IDisposable
{
    /// <summary>The clock-skew tolerance used when none is given: 5 minutes, for client clocks that drift.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    private const int StackLimit = 1024;

    private readonly FrozenDictionary<string, EcdsaPool> _keys;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _clockSkew;

    /// <summary>Creates a verifier that trusts one public key.</summary>
    /// <param name="publicKeyPem">The P-256 public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>, SubjectPublicKeyInfo).</param>
    /// <param name="keyId">The key id (<c>kid</c>) the server signs with, e.g. <c>2026-01</c>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="clockSkew">The tolerance for time checks; <see cref="DefaultClockSkew"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The PEM is not a P-256 public key (a private key is refused too: ship only the public key).</exception>
    public LicenseTokenVerifier(string publicKeyPem, string keyId, TimeProvider? timeProvider = null, TimeSpan? clockSkew = null)
        : this(new Dictionary<string, string>(StringComparer.Ordinal) { [keyId ?? throw new ArgumentNullException(nameof(keyId))] = publicKeyPem }, timeProvider, clockSkew)
    {
    }

    /// <summary>
    /// Creates a verifier that trusts several public keys by key id, for key rotation: ship the next key before the
    /// server signs with it, and drop a retired key so its tokens are refused with <see cref="LicenseTokenCode.UnknownKey"/>.
    /// </summary>
    /// <param name="publicKeysByKeyId">Public key PEMs by key id.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="clockSkew">The tolerance for time checks; <see cref="DefaultClockSkew"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A key id is blank, no key is given, or a PEM is not a P-256 public key.</exception>
    public LicenseTokenVerifier(IReadOnlyDictionary<string, string> publicKeysByKeyId, TimeProvider? timeProvider = null, TimeSpan? clockSkew = null)
    {
        ArgumentNullException.ThrowIfNull(publicKeysByKeyId);
        if (publicKeysByKeyId.Count == 0)
        {
            throw new ArgumentException("At least one public key is required.", nameof(publicKeysByKeyId));
        }

        if (clockSkew is { } skew && (skew < TimeSpan.Zero || skew > TimeSpan.FromDays(1)))
        {
            throw new ArgumentOutOfRangeException(nameof(clockSkew), skew, "The clock skew must be between zero and one day.");
        }

        var keys = new Dictionary<string, EcdsaPool>(StringComparer.Ordinal);
        try
        {
            foreach (var (keyId, pem) in publicKeysByKeyId)
            {
                if (string.IsNullOrWhiteSpace(keyId))
                {
                    throw new ArgumentException("A key id must not be blank.", nameof(publicKeysByKeyId));
                }

                keys.Add(keyId, new EcdsaPool(ImportPublicKey(pem, keyId), includePrivateParameters: false));
            }
        }
        catch
        {
            foreach (var pool in keys.Values)
            {
                pool.Dispose();
            }

            throw;
        }

        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _clockSkew = clockSkew ?? DefaultClockSkew;
    }

    /// <summary>The key ids this verifier trusts.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>
    /// Verifies <paramref name="token"/>: format, version, algorithm, key id, signature, license status, not-before,
    /// license expiry, token lifetime and, when <paramref name="fingerprint"/> is given, the device binding. Never throws.
    /// </summary>
    /// <param name="token">The token as received from the server; any string, <see langword="null"/> included.</param>
    /// <param name="fingerprint">This device's fingerprint; when given, the token must be bound to exactly this value.</param>
    /// <returns>The result with its code, and the claims once the signature is verified.</returns>
    public LicenseTokenVerificationResult Verify(string? token, string? fingerprint = null) => Verify(token, fingerprint, requiredEntitlements: null);

    /// <summary>
    /// Verifies <paramref name="token"/> like <see cref="Verify(string?, string?)"/> and, once every other check passed,
    /// that its license grants each of <paramref name="requiredEntitlements"/>
    /// (<see cref="LicenseTokenCode.EntitlementMissing"/> otherwise), e.g. before unlocking a feature offline. Never throws.
    /// </summary>
    /// <param name="token">The token as received from the server; any string, <see langword="null"/> included.</param>
    /// <param name="fingerprint">This device's fingerprint; when given, the token must be bound to exactly this value.</param>
    /// <param name="requiredEntitlements">The entitlement names the license must grant; <see langword="null"/> or empty requires none.</param>
    /// <returns>The result with its code, and the claims once the signature is verified.</returns>
    public LicenseTokenVerificationResult Verify(string? token, string? fingerprint, IReadOnlyCollection<string>? requiredEntitlements)
    {
        if (string.IsNullOrEmpty(token) || token.Length > TokenEncoding.MaxTokenLength)
        {
            return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
        }

        var span = token.AsSpan();
        var firstDot = span.IndexOf('.');
        if (firstDot < 0)
        {
            return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
        }

        var prefix = span[..firstDot];
        if (!prefix.SequenceEqual(TokenEncoding.Prefix))
        {
            // "LK" followed by digits is a real token of another format version; anything else is not a token at all.
            return prefix.Length > 2 && prefix.StartsWith("LK", StringComparison.Ordinal) && IsDigits(prefix[2..])
                ? LicenseTokenVerificationResult.Failure(LicenseTokenCode.UnsupportedVersion)
                : LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
        }

        var secondDot = span[(firstDot + 1)..].IndexOf('.');
        if (secondDot < 0)
        {
            return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
        }

        secondDot += firstDot + 1;
        var payloadText = span[(firstDot + 1)..secondDot];
        var signatureText = span[(secondDot + 1)..];
        if (payloadText.IsEmpty || signatureText.Length != TokenEncoding.Es256SignatureChars)
        {
            return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
        }

        Span<byte> signature = stackalloc byte[TokenEncoding.Es256SignatureLength + 2];
        if (!TokenEncoding.TryDecodeCanonical(signatureText, signature, out var signatureLength) || signatureLength != TokenEncoding.Es256SignatureLength)
        {
            return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
        }

        // The high-S twin of a valid signature verifies mathematically; refusing it keeps one spelling per token.
        var highS = !EcdsaSignatures.IsLowS(signature[..signatureLength]);

        // The signed bytes are the ASCII text before the second dot; after this point every char there is known ASCII.
        var signedLength = secondDot;
        var payloadMax = (payloadText.Length * 3 / 4) + 3;
        byte[]? rented = null;
        var buffer = signedLength + payloadMax <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(signedLength + payloadMax));
        try
        {
            var payload = buffer.Slice(signedLength, payloadMax);
            if (!TokenEncoding.TryDecodeCanonical(payloadText, payload, out var payloadLength))
            {
                return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
            }

            var claims = LicenseTokenPayloadReader.TryRead(payload[..payloadLength]);
            if (claims is null)
            {
                return LicenseTokenVerificationResult.Failure(LicenseTokenCode.Malformed);
            }

            if (claims.Version != TokenEncoding.FormatVersion)
            {
                return LicenseTokenVerificationResult.Failure(LicenseTokenCode.UnsupportedVersion);
            }

            if (!string.Equals(claims.Algorithm, TokenEncoding.Es256, StringComparison.Ordinal))
            {
                return LicenseTokenVerificationResult.Failure(LicenseTokenCode.UnsupportedAlgorithm);
            }

            if (!_keys.TryGetValue(claims.KeyId, out var pool))
            {
                return LicenseTokenVerificationResult.Failure(LicenseTokenCode.UnknownKey);
            }

            var signed = buffer[..signedLength];
            Encoding.ASCII.GetBytes(span[..signedLength], signed);
            if (highS || !VerifySignature(pool, signed, signature[..signatureLength]))
            {
                return LicenseTokenVerificationResult.Failure(LicenseTokenCode.BadSignature);
            }

            return new LicenseTokenVerificationResult(Evaluate(claims, fingerprint, requiredEntitlements), claims);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Releases the imported keys.</summary>
    public void Dispose()
    {
        foreach (var pool in _keys.Values)
        {
            pool.Dispose();
        }
    }

    private LicenseTokenCode Evaluate(LicenseTokenClaims claims, string? fingerprint, IReadOnlyCollection<string>? requiredEntitlements)
    {
        var now = _timeProvider.GetUtcNow();
        if (!claims.IsActive)
        {
            return LicenseTokenCode.LicenseNotActive;
        }

        if (claims.NotBefore > now + _clockSkew)
        {
            return LicenseTokenCode.NotYetValid;
        }

        if (claims.ExpiresAt is { } expiresAt && expiresAt <= now - _clockSkew)
        {
            return LicenseTokenCode.LicenseExpired;
        }

        if (claims.TokenExpiresAt <= now - _clockSkew)
        {
            return LicenseTokenCode.TokenExpired;
        }

        if (fingerprint is not null && !string.Equals(fingerprint, claims.Fingerprint, StringComparison.Ordinal))
        {
            return LicenseTokenCode.FingerprintMismatch;
        }

        if (requiredEntitlements is not null && requiredEntitlements.Any(name => name is null || !claims.HasEntitlement(name)))
        {
            return LicenseTokenCode.EntitlementMissing;
        }

        return LicenseTokenCode.Valid;
    }

    private static bool VerifySignature(EcdsaPool pool, ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signature)
    {
        ECDsa key;
        try
        {
            key = pool.Rent();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        try
        {
            return key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            pool.Return(key);
        }
    }

    private static ECDsa ImportPublicKey(string? pem, string keyId)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new ArgumentException($"The public key for key id '{keyId}' is empty.", nameof(pem));
        }

        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException($"The public key for key id '{keyId}' is not PEM text (expected '-----BEGIN PUBLIC KEY-----').", nameof(pem));
        }

        var label = pem.AsSpan()[fields.Label];
        if (!label.SequenceEqual("PUBLIC KEY"))
        {
            throw new ArgumentException(
                label.Contains("PRIVATE", StringComparison.Ordinal)
                    ? $"The key for key id '{keyId}' is a private key. Ship only the public key ('-----BEGIN PUBLIC KEY-----') with a client."
                    : $"The key for key id '{keyId}' is a '{label}', not a 'PUBLIC KEY' (SubjectPublicKeyInfo) PEM.",
                nameof(pem));
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (!EcCurves.IsP256(key))
            {
                throw new ArgumentException($"The public key for key id '{keyId}' is not on the P-256 curve (secp256r1 / prime256v1).", nameof(pem));
            }

            return key;
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new ArgumentException($"The public key for key id '{keyId}' is not an EC public key: {ex.Message}", nameof(pem), ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
