namespace LicenseKit.Internal;

/// <summary>What removing a lapsed instance reports, whoever removed it (an activation taking its seat, or the sweeper).</summary>
internal static class LapsedLeases
{
    public static async Task ReportRemovedAsync(LicenseKitContext context, License license, LicenseInstance instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Log.LapsedInstanceRemoved(context.Logger, instance.Id, instance.LicenseId);
        if (context.Events.HasHandlers)
        {
            await context.Events.DispatchAsync(
                new LicenseDeactivated
                {
                    EventId = LicenseKitContext.NewEventId(),
                    BusinessId = instance.BusinessId,
                    OccurredAt = now,
                    License = license,
                    Instance = instance,
                    Reason = LicenseDeactivationReason.LeaseExpired,
                },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
