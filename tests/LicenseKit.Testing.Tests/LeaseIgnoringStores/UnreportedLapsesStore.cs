using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Takes over lapsed seats correctly but does not report the instances it removed, so no event says a seat was lost.</summary>
internal sealed class UnreportedLapsesStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override async Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) =>
        await Inner.ActivateAsync(activation, cancellationToken) with { RemovedLapsedInstances = [] };
}
