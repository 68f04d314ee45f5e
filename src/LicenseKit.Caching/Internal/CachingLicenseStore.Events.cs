using LicenseKit.Stores;

namespace LicenseKit.Caching.Internal;

// Recorded events pass straight through: nothing about them is cached, and the decorated store records them with its writes.
internal sealed partial class CachingLicenseStore : ILicenseEventStore
{
    private ILicenseEventStore InnerEvents => Inner as ILicenseEventStore
        ?? throw new InvalidOperationException($"The license store {Inner.GetType().Name} does not record events: it must implement {nameof(ILicenseEventStore)}.");

    public Task<IReadOnlyList<LicenseEventRecord>> ListEventsAsync(string businessId, LicenseEventPosition after, int limit, LicenseEventState? state = null, CancellationToken cancellationToken = default) =>
        InnerEvents.ListEventsAsync(businessId, after, limit, state, cancellationToken);

    public Task<IReadOnlyList<LicenseEventRecord>> ClaimEventsAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default) =>
        InnerEvents.ClaimEventsAsync(owner, now, leaseUntil, limit, cancellationToken);

    public Task<bool> MarkDeliveredAsync(string eventId, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default) =>
        InnerEvents.MarkDeliveredAsync(eventId, owner, deliveredAt, cancellationToken);

    public Task<int> MarkDeliveredAsync(IReadOnlyCollection<string> eventIds, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default) =>
        InnerEvents.MarkDeliveredAsync(eventIds, owner, deliveredAt, cancellationToken);

    public Task<bool> MarkFailedAsync(string eventId, string owner, string error, DateTimeOffset? retryAt, LicenseEventTargets deliveredTargets, CancellationToken cancellationToken = default) =>
        InnerEvents.MarkFailedAsync(eventId, owner, error, retryAt, deliveredTargets, cancellationToken);

    public Task<LicenseEventRecord?> RedriveEventAsync(string businessId, string eventId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InnerEvents.RedriveEventAsync(businessId, eventId, now, cancellationToken);

    public Task<int> PruneEventsAsync(DateTimeOffset deliveredBefore, int limit, CancellationToken cancellationToken = default) =>
        InnerEvents.PruneEventsAsync(deliveredBefore, limit, cancellationToken);
}
