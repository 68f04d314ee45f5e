namespace LicenseKit;

/// <summary>
/// Something that happened to a license, recorded by the store with the write and delivered at least once to every
/// registered <see cref="ILicenseEventHandler"/>. <see cref="EventId"/> is unique per event and the same on every
/// delivery, so receivers can deduplicate.
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
