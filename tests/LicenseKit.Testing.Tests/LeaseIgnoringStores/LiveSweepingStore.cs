using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Removes the instance a sweeper names without checking its lease again, so a heartbeat that renewed it first loses its seat.</summary>
internal sealed class LiveSweepingStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.DeactivateAsync(businessId, licenseId, instanceId, now, cancellationToken);
}
