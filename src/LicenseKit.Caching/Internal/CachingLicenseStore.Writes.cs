using LicenseKit.Stores;

namespace LicenseKit.Caching.Internal;

internal sealed partial class CachingLicenseStore
{
    // Every write evicts what it may have changed once the store call ends, whatever its outcome, and even when it
    // throws: a failed-looking call may still have committed, and an extra eviction only costs one store read.

    public async Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        try
        {
            return await Inner.CreateAsync(license, idempotency, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Lookups may have remembered that this key and id did not exist.
            await EvictAsync(license.BusinessId, license.Id, license.KeyHash).ConfigureAwait(false);
        }
    }

    public async Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        LicenseEditResult? result = null;
        try
        {
            return result = await Inner.EditAsync(edit, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The key entry is found through the license the store returned; a failed edit looks it up (it may have committed).
            await EvictAsync(edit.BusinessId, edit.LicenseId, (result?.Previous ?? result?.License)?.KeyHash).ConfigureAwait(false);
        }
    }

    public async Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        try
        {
            return await Inner.ActivateAsync(activation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await cache.EvictAsync(LicenseCacheKeys.ForId(activation.BusinessId, activation.LicenseId)).ConfigureAwait(false);
        }
    }

    public async Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Inner.DeactivateAsync(businessId, licenseId, instanceId, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await cache.EvictAsync(LicenseCacheKeys.ForId(businessId, licenseId)).ConfigureAwait(false);
        }
    }

    private async ValueTask EvictAsync(string businessId, string licenseId, string? keyHash)
    {
        await cache.EvictAsync(LicenseCacheKeys.ForId(businessId, licenseId)).ConfigureAwait(false);
        if (keyHash is null)
        {
            // A failed edit may still have committed: find the key from the store so its entry cannot outlive the change.
            try
            {
                keyHash = (await Inner.FindByIdAsync(businessId, licenseId).ConfigureAwait(false))?.KeyHash;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The key entry then lapses with its expiration, as after any cache outage.
            }
        }

        if (keyHash is not null)
        {
            await cache.EvictAsync(LicenseCacheKeys.ForKey(businessId, keyHash)).ConfigureAwait(false);
        }
    }
}
