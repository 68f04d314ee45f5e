using LicenseKit.Stores;

namespace LicenseKit.Caching.Internal;

/// <summary>
/// Serves lookups by key (what validation, activation and deactivation start with) from <see cref="LicenseCache"/> and
/// passes everything else to the decorated store. A key maps to a license id and the id to the license, so a write evicts
/// one entry per license whatever key it was found by; writes are in <c>CachingLicenseStore.Writes.cs</c>.
/// </summary>
/// <remarks>
/// Only what the store returned is cached, and no rule is evaluated here: expiry, status and instances are still judged
/// by the caller at its own clock, so a cached license answers exactly as the store's copy would.
/// </remarks>
internal sealed partial class CachingLicenseStore(Func<IServiceProvider, ILicenseStore> createInner, IServiceProvider services, LicenseCache cache, bool ownsInner)
    : ILicenseStore, IAsyncDisposable, IDisposable
{
    private ILicenseStore? _inner;
    private object? _innerLock;

    // Built on first use, so a request answered from memory never leases what the store holds (e.g. a pooled DbContext).
    private ILicenseStore Inner => Volatile.Read(ref _inner) ?? CreateInner();

    // Once, even when first uses race (a singleton store). The lock and the delegate are made on this path only, so a
    // request answered from memory allocates neither.
    private ILicenseStore CreateInner() => LazyInitializer.EnsureInitialized(ref _inner, ref _innerLock, () => createInner(services));

    // Lookups by id come before a read-modify-write (update, status change, archive) that must see the stored version,
    // so they always ask the store; what it answers refreshes the entry key lookups use.
    public async Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default)
    {
        var evictionCount = cache.EvictionCount;
        var license = await Inner.FindByIdAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
        if (license is not null)
        {
            cache.SetUnlessEvicted(LicenseCacheKeys.ForId(businessId, licenseId), license, evictionCount);
        }

        return license;
    }

    public async Task<License?> FindByKeyAsync(string businessId, string keyHash, CancellationToken cancellationToken = default)
    {
        // The key entry holds the name of the license's id entry, so a hit builds no second cache key.
        var keyEntry = LicenseCacheKeys.ForKey(businessId, keyHash);
        if (cache.TryGet<string>(keyEntry, out var idEntry))
        {
            if (idEntry is null)
            {
                return null;
            }

            // The license must still carry this key: a store may let an update change it.
            if (cache.TryGet<License>(idEntry, out var cached)
                && cached is not null
                && string.Equals(cached.KeyHash, keyHash, StringComparison.Ordinal))
            {
                return cached;
            }
        }

        var evictionCount = cache.EvictionCount;
        var license = await Inner.FindByKeyAsync(businessId, keyHash, cancellationToken).ConfigureAwait(false);
        var foundEntry = license is null ? null : LicenseCacheKeys.ForId(businessId, license.Id);
        cache.SetUnlessEvicted(keyEntry, foundEntry, evictionCount);
        if (foundEntry is not null)
        {
            cache.SetUnlessEvicted(foundEntry, license, evictionCount);
        }

        return license;
    }

    public Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default) =>
        Inner.ListAsync(businessId, query, cancellationToken);

    public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default) =>
        Inner.FindInstanceAsync(businessId, licenseId, instanceId, fingerprint, cancellationToken);

    public Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        Inner.ListInstancesAsync(businessId, licenseId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!ownsInner || Volatile.Read(ref _inner) is not { } inner)
        {
            return;
        }

        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public void Dispose()
    {
        if (ownsInner && Volatile.Read(ref _inner) is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
