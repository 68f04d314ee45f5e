using System.Security.Cryptography;
using LicenseKit.Stores;
using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

/// <summary>
/// The one place keys turn into what stores keep (hash, hint, optionally the protected key) and back into what callers
/// see. Nothing else in LicenseKit hashes, protects or unprotects a key.
/// </summary>
internal sealed class LicenseKeyVault(ILicenseKeyHasher hasher, ILicenseKeyProtector? protector, LicenseKitLoggers loggers)
{
    private readonly ILogger _logger = loggers.Operations;

    public ILicenseKeyHasher Hasher { get; } = hasher;

    /// <summary>Whether reads can show keys again (a protector is registered).</summary>
    public bool StoresKeys => protector is not null;

    /// <summary>The form of <paramref name="license"/> a store receives: hash, hint and protected key, never the plaintext.</summary>
    /// <param name="license">The license with its plaintext key not set.</param>
    /// <param name="key">The key as issued.</param>
    /// <param name="keyHash">The current hash of the normalized key when the caller already made it; made here otherwise.</param>
    public License Seal(License license, string key, string? keyHash = null)
    {
        var normalized = LicenseKeyNormalizer.Normalize(key);
        return license with
        {
            Key = string.Empty,
            KeyHash = keyHash ?? Hasher.Hash(normalized),
            KeyHint = LicenseKeyHint.Of(normalized),
            ProtectedKey = protector?.Protect(key),
        };
    }

    /// <summary>
    /// Finds the license of <paramref name="normalizedKey"/> in the store by its hash under the current secret, then under
    /// each older one (one hash and one lookup when a single secret is configured, or when the current hash is found).
    /// </summary>
    public async Task<License?> FindByKeyAsync(ILicenseStore store, string businessId, string normalizedKey, CancellationToken cancellationToken)
    {
        return await store.FindByKeyAsync(businessId, Hasher.Hash(normalizedKey), cancellationToken).ConfigureAwait(false)
            ?? await FindUnderOlderSecretAsync(store, businessId, normalizedKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="normalizedKey"/> is stored under a secret older than the current one (no work with one secret).</summary>
    public async Task<bool> IsTakenUnderOlderSecretAsync(ILicenseStore store, string businessId, string normalizedKey, CancellationToken cancellationToken) =>
        await FindUnderOlderSecretAsync(store, businessId, normalizedKey, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The hash an idempotency key is stored and matched by (exact, not normalized: it is the caller's token).</summary>
    public string HashIdempotencyKey(string idempotencyKey) => Hasher.Hash(idempotencyKey);

    /// <summary><paramref name="license"/> with its key when it can be recovered: what a read by id or a list shows.</summary>
    public License Reveal(License license)
    {
        if (protector is null || license.Key.Length != 0 || license.ProtectedKey is not { } protectedKey)
        {
            return license;
        }

        try
        {
            return license with { Key = protector.Unprotect(protectedKey) };
        }
        catch (CryptographicException exception)
        {
            // A lost or rotated-away key ring: the license still reads, with its hint only.
            Log.KeyUnprotectFailed(_logger, exception, license.Id);
            return license;
        }
    }

    /// <summary><paramref name="license"/> found by the key a caller presented: the caller holds the key, so it may see it.</summary>
    public License Reveal(License license, string presentedNormalizedKey) =>
        license.Key.Length != 0 ? license : protector is null ? license with { Key = presentedNormalizedKey } : Reveal(license);

    public IReadOnlyList<License> Reveal(IReadOnlyList<License> licenses)
    {
        if (protector is null)
        {
            return licenses;
        }

        var revealed = new License[licenses.Count];
        for (var i = 0; i < revealed.Length; i++)
        {
            revealed[i] = Reveal(licenses[i]);
        }

        return revealed;
    }

    private async Task<License?> FindUnderOlderSecretAsync(ILicenseStore store, string businessId, string normalizedKey, CancellationToken cancellationToken)
    {
        foreach (var hash in Hasher.HashWithOlderSecrets(normalizedKey))
        {
            if (await store.FindByKeyAsync(businessId, hash, cancellationToken).ConfigureAwait(false) is { } license)
            {
                return license;
            }
        }

        return null;
    }
}
