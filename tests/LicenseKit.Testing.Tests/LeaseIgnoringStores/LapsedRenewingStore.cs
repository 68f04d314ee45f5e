using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Renews a lease that already lapsed: a late heartbeat takes back a seat an activation may have been given.</summary>
internal sealed class LapsedRenewingStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default) =>
        Inner.RenewLeaseAsync(renewal with { Now = DateTimeOffset.MinValue }, cancellationToken);
}
