namespace LicenseKit;

/// <summary>How the dispatcher delivers recorded events to the <see cref="ILicenseEventHandler"/>s; validated at startup.</summary>
public sealed class LicenseEventDeliveryOptions
{
    /// <summary>Attempts before an event is parked, 1 to 100. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure, with jitter. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts. Default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a dispatcher holds a claimed event before another may claim it (at least 2 s). Handlers of an attempt are
    /// cancelled after half of it, so one event is never delivered by two dispatchers at the same time. Default 2 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most events one claim takes, 1 to 1,000; they are delivered in parallel. Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>The wait after a claim found nothing due. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long delivered events stay readable in the feed before they are pruned. Default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
