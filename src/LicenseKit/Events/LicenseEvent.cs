namespace LicenseKit;

/// <summary>
/// Something that happened to a license, delivered to every registered <see cref="ILicenseEventHandler"/> after the
/// store write succeeded. <see cref="EventId"/> is unique per event so webhook senders can deduplicate deliveries.
/// </summary>
public abstract record LicenseEvent
{
    /// <summary>The unique, prefixed id of this event (<c>evt_…</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>The business the license belongs to.</summary>
    public required string BusinessId { get; init; }

    /// <summary>When the event happened (the time of the store write).</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
