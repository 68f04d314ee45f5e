using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>
/// Sweeps with "ends before now" instead of "ends at or before now": a lease ending at the sweep's instant is neither
/// listed nor removed, though an activation at that instant already takes its seat.
/// </summary>
internal sealed class LeaseEndAsLiveSweepStore(ILicenseStore inner) : DecoratingLicenseStore(inner)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    public override Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListLapsedInstancesAsync(now - Tick, limit, cancellationToken);

    public override Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.DeactivateLapsedAsync(businessId, licenseId, instanceId, now - Tick, cancellationToken);
}
