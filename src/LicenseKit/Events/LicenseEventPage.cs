namespace LicenseKit;

/// <summary>Recorded events after a cursor, for consumers that poll instead of receiving webhooks.</summary>
public sealed record LicenseEventPage
{
    /// <summary>The events, oldest first.</summary>
    public required IReadOnlyList<LicenseEventRecord> Items { get; init; }

    /// <summary>
    /// Where the next read starts: after the last item, or where this read started when it found none. Always set, so a
    /// poller stores it and asks again later.
    /// </summary>
    public required string NextCursor { get; init; }
}
