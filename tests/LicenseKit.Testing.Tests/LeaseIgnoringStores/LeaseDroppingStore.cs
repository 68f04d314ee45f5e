using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Stores no lease (a schema without the column): every floating instance holds its seat for good.</summary>
internal sealed class LeaseDroppingStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) =>
        Inner.ActivateAsync(activation with { Instance = activation.Instance with { LeaseExpiresAt = null } }, cancellationToken);
}
