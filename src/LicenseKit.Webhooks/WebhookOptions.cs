namespace LicenseKit;

/// <summary>
/// The options of the webhook sender, set with <c>AddLicenseKit().AddWebhooks(o =&gt; …)</c> and validated at startup.
/// Retries here are the quick ones within a delivery (a restarting receiver, a dropped connection); a durable
/// dispatcher retries a failed delivery again later.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The endpoints every event is posted to; at least one.</summary>
    public IList<WebhookEndpoint> Endpoints { get; } = [];

    /// <summary>How many times a failed attempt (5xx, 408, 429, timeout, connection error) is retried. Default 3; 0 to 20.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The delay before the first retry; each later one doubles it, with random jitter so failing senders do not retry in
    /// step. Default 1 second; at most 1 minute.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it is abandoned and retried. Default 15 seconds; 10 ms to 5 minutes.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a delivery may take with all its retries. Default 1 minute; from AttemptTimeout to 1 hour.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
