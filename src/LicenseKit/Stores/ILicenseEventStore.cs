namespace LicenseKit.Stores;

/// <summary>
/// The recorded events of a store, for the dispatcher that delivers them and for the feed. A store that implements it
/// records a <see cref="LicenseEventRecord"/> in every successful write of <see cref="ILicenseStore"/> (create, edit,
/// activation, deactivation), atomically with that write, and nothing for a refused or failed one.
/// </summary>
/// <remarks>
/// <para>Claims are leases: a claimed event is not claimed again until its lease ends, so several dispatchers sharing
/// one database never hold one event at the same time; an event whose dispatcher died is claimed again when the lease
/// ends. Of one license only the oldest pending event can be claimed, which keeps each license's events in order
/// (parked events do not hold the later ones back).</para>
/// <para>The <c>LicenseKit.Testing.NUnit</c> conformance suite covers this contract too.</para>
/// </remarks>
public interface ILicenseEventStore
{
    /// <summary>
    /// Lists the events of a business after a position, by ascending <see cref="LicenseEventRecord.Position"/>. A store
    /// returns only events that no later commit can precede: once an event is listed, no event with a smaller position
    /// may appear afterwards (a store whose writes commit in sequence order, one writer at a time, has nothing to hold
    /// back; one with concurrent writers holds back events of transactions newer than the oldest one still running).
    /// </summary>
    /// <param name="businessId">The business.</param>
    /// <param name="after">Only events with a greater position; <see langword="default"/> for all.</param>
    /// <param name="limit">The most events to return.</param>
    /// <param name="state">Only events in this state, or all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <paramref name="limit"/> events by ascending position.</returns>
    Task<IReadOnlyList<LicenseEventRecord>> ListEventsAsync(string businessId, LicenseEventPosition after, int limit, LicenseEventState? state = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically claims due events for one dispatcher: pending events whose <see cref="LicenseEventRecord.NextAttemptAt"/>
    /// is at or before <paramref name="now"/> and that are the oldest pending event of their license, by ascending
    /// sequence. Each claimed event gets <paramref name="owner"/> as its lease owner, <paramref name="leaseUntil"/> as its
    /// next attempt time and one more attempt.
    /// </summary>
    /// <param name="owner">The dispatcher's unique id.</param>
    /// <param name="now">The dispatcher's clock.</param>
    /// <param name="leaseUntil">When the lease ends and the event becomes due again if it was not marked.</param>
    /// <param name="limit">The most events to claim.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The claimed events, as stored after the claim.</returns>
    Task<IReadOnlyList<LicenseEventRecord>> ClaimEventsAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed event delivered, if <paramref name="owner"/> still holds its lease.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="owner">The dispatcher that claimed it.</param>
    /// <param name="deliveredAt">The time of delivery.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the event was marked (<see langword="false"/> when the lease was lost).</returns>
    Task<bool> MarkDeliveredAsync(string eventId, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks several claimed events delivered at once (one statement where the store can), each only if
    /// <paramref name="owner"/> still holds its lease; the dispatcher marks a claimed batch this way.
    /// </summary>
    /// <param name="eventIds">The event ids.</param>
    /// <param name="owner">The dispatcher that claimed them.</param>
    /// <param name="deliveredAt">The time of delivery.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were marked (fewer when leases were lost).</returns>
    Task<int> MarkDeliveredAsync(IReadOnlyCollection<string> eventIds, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt of a claimed event, if <paramref name="owner"/> still holds its lease: the event stays
    /// pending until <paramref name="retryAt"/>, or is parked when <paramref name="retryAt"/> is <see langword="null"/>;
    /// in the same conditional update its <see cref="LicenseEventRecord.DeliveredTargets"/> become
    /// <paramref name="deliveredTargets"/>, so later attempts (and a re-drive) skip the targets that took it.
    /// </summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="owner">The dispatcher that claimed it.</param>
    /// <param name="error">What went wrong, kept as <see cref="LicenseEventRecord.LastError"/>.</param>
    /// <param name="retryAt">When to try again, or <see langword="null"/> to park the event.</param>
    /// <param name="deliveredTargets">Every target that has taken the event so far (those of earlier attempts included): it replaces the stored set.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the event was marked (<see langword="false"/> when the lease was lost).</returns>
    Task<bool> MarkFailedAsync(string eventId, string owner, string error, DateTimeOffset? retryAt, LicenseEventTargets deliveredTargets, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a parked event of a business pending again, due at <paramref name="now"/>, with its attempts reset and its
    /// <see cref="LicenseEventRecord.DeliveredTargets"/> kept.
    /// </summary>
    /// <param name="businessId">The business.</param>
    /// <param name="eventId">The event id.</param>
    /// <param name="now">When it becomes due.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The event as stored afterwards, or <see langword="null"/> when no event of the business has that id.
    /// An event that is not parked is returned unchanged.</returns>
    Task<LicenseEventRecord?> RedriveEventAsync(string businessId, string eventId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes delivered events delivered before a time.</summary>
    /// <param name="deliveredBefore">The cut-off.</param>
    /// <param name="limit">The most events to delete in this call.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneEventsAsync(DateTimeOffset deliveredBefore, int limit, CancellationToken cancellationToken = default);
}
