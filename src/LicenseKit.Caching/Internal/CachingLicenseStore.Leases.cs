using LicenseKit.Stores;

namespace LicenseKit.Caching.Internal;

internal sealed partial class CachingLicenseStore
{
    // A renewal writes the instance row only, which is never cached; it passes through.
    public Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default) =>
        Inner.RenewLeaseAsync(renewal, cancellationToken);

    public Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListLapsedInstancesAsync(now, limit, cancellationToken);

    public async Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Inner.DeactivateLapsedAsync(businessId, licenseId, instanceId, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await cache.EvictAsync(LicenseCacheKeys.ForId(businessId, licenseId)).ConfigureAwait(false);
        }
    }
}
