using LicenseKit.Stores;

namespace LicenseKit.Internal;

/// <summary>The default <see cref="ILicenseLeaseSweeper"/>.</summary>
internal sealed class LicenseLeaseSweeper(LicenseKitContext context) : ILicenseLeaseSweeper
{
    public async Task<int> SweepAsync(int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var now = context.Now();
        var lapsed = await context.Store.ListLapsedInstancesAsync(now, batchSize, cancellationToken).ConfigureAwait(false);
        foreach (var instance in lapsed)
        {
            // The store re-checks the lease: a heartbeat that renewed it since the listing keeps its seat.
            var result = await context.Store.DeactivateLapsedAsync(instance.BusinessId, instance.LicenseId, instance.Id, now, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != InstanceDeactivationOutcome.Deactivated)
            {
                continue;
            }

            // The store recorded the deactivation's event with the write.
            Log.LapsedInstanceRemoved(context.Logger, instance.Id, instance.LicenseId);
        }

        return lapsed.Count;
    }
}
