using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Answers a heartbeat of a live lease as renewed, with the new end, but writes nothing: the lease lapses anyway.</summary>
internal sealed class RenewalSkippingStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override async Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default)
    {
        var license = await Inner.FindByIdAsync(renewal.BusinessId, renewal.LicenseId, cancellationToken);
        var instance = license is null ? null : await Inner.FindInstanceAsync(renewal.BusinessId, renewal.LicenseId, renewal.InstanceId, null, cancellationToken);
        return instance is { LeaseExpiresAt: not null } && !ActivationRule.IsLapsed(instance, renewal.Now)
            ? new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.Renewed, license, instance with { LeaseExpiresAt = renewal.LeaseExpiresAt })
            : await Inner.RenewLeaseAsync(renewal, cancellationToken);
    }
}
