using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Lists every instance that holds a lease for the sweeper, lapsed or not.</summary>
internal sealed class LiveListingStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    public override Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListLapsedInstancesAsync(DateTimeOffset.MaxValue, limit, cancellationToken);
}
