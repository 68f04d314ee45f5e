namespace LicenseKit;

/// <summary>The HTTP headers of a delivery, named by the Standard Webhooks specification.</summary>
public static class WebhookHeaders
{
    /// <summary>The event id (<c>evt_…</c>); the same on every attempt, so receivers use it to deduplicate.</summary>
    public const string Id = "webhook-id";

    /// <summary>When this attempt was made, in Unix seconds; receivers refuse old ones to stop replays.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> signatures, one per signing secret.</summary>
    public const string Signature = "webhook-signature";
}
