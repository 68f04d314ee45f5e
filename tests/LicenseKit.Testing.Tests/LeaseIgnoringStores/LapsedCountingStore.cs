using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>
/// Keeps leases but counts every stored instance against the limit, lapsed or not, and hands a lapsed instance back to
/// its device as if it were live: only a sweeper would ever free a seat.
/// </summary>
internal sealed class LapsedCountingStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override async Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default)
    {
        var license = await Inner.FindByIdAsync(activation.BusinessId, activation.LicenseId, cancellationToken);
        if (license is not null && ActivationRule.Refusal(license, activation.Now) is null)
        {
            var instances = await Inner.ListInstancesAsync(activation.BusinessId, activation.LicenseId, cancellationToken);
            if (activation.Instance.Fingerprint is { } fingerprint && instances.FirstOrDefault(i => i.Fingerprint == fingerprint) is { } existing)
            {
                return new InstanceActivationResult(InstanceActivationOutcome.ExistingInstance, license, existing);
            }

            if (ActivationRule.IsAtLimit(license))
            {
                return new InstanceActivationResult(InstanceActivationOutcome.LimitReached, license);
            }
        }

        return await Inner.ActivateAsync(activation, cancellationToken);
    }
}
