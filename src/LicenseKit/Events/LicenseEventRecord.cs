using System.Text.Json;
using LicenseKit.Internal;

namespace LicenseKit;

/// <summary>
/// A <see cref="LicenseEvent"/> as a store records it, atomically with the write it describes, and as its delivery
/// stands. Stores build one with <see cref="Issued"/>, <see cref="Edited"/>, <see cref="Activated"/> or
/// <see cref="Deactivated"/> from what their write produced, and persist it in the same transaction (or under the same
/// lock); readers get the event back with <see cref="ToEvent"/>.
/// </summary>
/// <remarks>
/// The shape of an event has one home, here: a store decides only whether its write happened, never what the event
/// says. That is why the store, not the caller, builds the record: an edit's previous and next license, and an
/// activation's resulting count, are known only inside the store's atomic step.
/// </remarks>
public sealed record LicenseEventRecord
{
    /// <summary>
    /// The store's position of the event, assigned when it is recorded (0 before): increasing in recording order, and
    /// for one license in the order of its writes: the dispatcher's order. With <see cref="TransactionId"/>, the feed's.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>
    /// The id of the database transaction that recorded the event, where the store tracks one (the EF Core store on
    /// PostgreSQL), and 0 otherwise. The feed is ordered by it, then by <see cref="Sequence"/>, and shows an event only
    /// once every transaction with a smaller id has ended, so a poller's cursor never passes an event that commits later.
    /// </summary>
    public long TransactionId { get; init; }

    /// <summary>The event's place in the feed (<see cref="TransactionId"/>, then <see cref="Sequence"/>).</summary>
    public LicenseEventPosition Position => new(TransactionId, Sequence);

    /// <summary>The event id (<c>evt_…</c>), also the <c>webhook-id</c> of every delivery attempt.</summary>
    public required string Id { get; init; }

    /// <summary>The event type, one of <see cref="LicenseEventTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The business of the license.</summary>
    public required string BusinessId { get; init; }

    /// <summary>The license the event is about.</summary>
    public required string LicenseId { get; init; }

    /// <summary>When the write happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The event's data as JSON: <c>license</c>, and <c>previous_license</c> or <c>instance</c> by type, in the HTTP wire
    /// format, plus their versions (<c>license_version</c>, <c>previous_license_version</c>).
    /// </summary>
    public required string Payload { get; init; }

    /// <summary>Where its delivery stands.</summary>
    public LicenseEventState State { get; init; }

    /// <summary>How many delivery attempts have started (a claim counts, so a crash mid-delivery counts too).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// When a pending event is next due: its recording time at first, then the end of a claim's lease, then the retry
    /// time after a failure.
    /// </summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The dispatcher that holds the event's lease, while one does.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>The error of the last failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>
    /// The delivery targets that have taken the event (a handler, or one endpoint of a fan-out handler such as the
    /// webhook sender), recorded with each failed attempt: the next attempt, and a re-drive of a parked event, deliver
    /// only to the other targets. Empty until an attempt fails after some targets took the event.
    /// </summary>
    public LicenseEventTargets DeliveredTargets { get; init; } = LicenseEventTargets.Empty;

    /// <summary>The record of a license's issuing.</summary>
    /// <param name="license">The license as created.</param>
    /// <returns>A pending record with a new id.</returns>
    public static LicenseEventRecord Issued(License license) =>
        New(LicenseEventTypes.Created, license, new LicenseEventData { License = license, LicenseVersion = license.Version });

    /// <summary>The record of an administrative edit, a status change when the status moved.</summary>
    /// <param name="previous">The license before the edit.</param>
    /// <param name="license">The license as written.</param>
    /// <returns>A pending record with a new id.</returns>
    public static LicenseEventRecord Edited(License previous, License license)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var type = previous.Status != license.Status ? LicenseEventTypes.StatusChanged : LicenseEventTypes.Updated;
        return New(type, license, new LicenseEventData { License = license, LicenseVersion = license.Version, PreviousLicense = previous, PreviousLicenseVersion = previous.Version });
    }

    /// <summary>The record of a new activation.</summary>
    /// <param name="license">The license after the activation.</param>
    /// <param name="instance">The new instance.</param>
    /// <returns>A pending record with a new id.</returns>
    public static LicenseEventRecord Activated(License license, LicenseInstance instance) =>
        New(LicenseEventTypes.Activated, license, new LicenseEventData { License = license, LicenseVersion = license.Version, Instance = instance });

    /// <summary>The record of a deactivation.</summary>
    /// <param name="license">The license after the deactivation.</param>
    /// <param name="instance">The deleted instance.</param>
    /// <returns>A pending record with a new id.</returns>
    public static LicenseEventRecord Deactivated(License license, LicenseInstance instance) =>
        New(LicenseEventTypes.Deactivated, license, new LicenseEventData { License = license, LicenseVersion = license.Version, Instance = instance });

    /// <summary>
    /// The record of the removal of an instance whose floating-seat lease lapsed, by an activation that took its seat or
    /// by a sweep: a deactivation with <see cref="LicenseDeactivationReason.LeaseExpired"/>.
    /// </summary>
    /// <param name="license">The license after the removal (after the whole write that removed it).</param>
    /// <param name="instance">The removed instance.</param>
    /// <returns>A pending record with a new id.</returns>
    public static LicenseEventRecord LeaseLapsed(License license, LicenseInstance instance) =>
        New(LicenseEventTypes.Deactivated, license, new LicenseEventData { License = license, LicenseVersion = license.Version, Instance = instance, LeaseLapsed = true });

    /// <summary>The event this record holds, as the handlers receive it.</summary>
    /// <returns>The event.</returns>
    /// <exception cref="InvalidOperationException">The type or payload is not one this version reads.</exception>
    public LicenseEvent ToEvent()
    {
        var data = JsonSerializer.Deserialize(Payload, LicenseEventJsonContext.Default.LicenseEventData)
            ?? throw new InvalidOperationException($"Event {Id} has an empty payload.");
        var license = data.License! with { Version = data.LicenseVersion };
        return Type switch
        {
            LicenseEventTypes.Created => new LicenseIssued { EventId = Id, BusinessId = BusinessId, OccurredAt = OccurredAt, License = license },
            LicenseEventTypes.Updated => new LicenseUpdated { EventId = Id, BusinessId = BusinessId, OccurredAt = OccurredAt, License = license, Previous = Previous(data) },
            LicenseEventTypes.StatusChanged => new LicenseStatusChanged { EventId = Id, BusinessId = BusinessId, OccurredAt = OccurredAt, License = license, Previous = Previous(data) },
            LicenseEventTypes.Activated => new LicenseActivated { EventId = Id, BusinessId = BusinessId, OccurredAt = OccurredAt, License = license, Instance = data.Instance! },
            LicenseEventTypes.Deactivated => new LicenseDeactivated
            {
                EventId = Id,
                BusinessId = BusinessId,
                OccurredAt = OccurredAt,
                License = license,
                Instance = data.Instance!,
                Reason = data.LeaseLapsed ? LicenseDeactivationReason.LeaseExpired : LicenseDeactivationReason.Requested,
            },
            _ => throw new InvalidOperationException($"Event {Id} has the type '{Type}', which this version does not read."),
        };

        static License Previous(LicenseEventData data) => data.PreviousLicense! with { Version = data.PreviousLicenseVersion ?? 0 };
    }

    // The write's own time is the event's: creation and every write set UpdatedAt to it.
    private static LicenseEventRecord New(string type, License license, LicenseEventData data)
    {
        ArgumentNullException.ThrowIfNull(license);
        return new LicenseEventRecord
        {
            Id = PrefixedId.Create(PrefixedId.Event),
            Type = type,
            BusinessId = license.BusinessId,
            LicenseId = license.Id,
            OccurredAt = license.UpdatedAt,
            Payload = JsonSerializer.Serialize(data, LicenseEventJsonContext.Default.LicenseEventData),
            State = LicenseEventState.Pending,
            NextAttemptAt = license.UpdatedAt,
        };
    }
}
