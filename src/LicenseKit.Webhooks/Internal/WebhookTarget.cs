namespace LicenseKit.Webhooks.Internal;

/// <summary>A validated endpoint, parsed once: its URL, its signer and the event types it takes (all when empty).</summary>
internal sealed record WebhookTarget(string Name, Uri Url, WebhookSigner Signer, IReadOnlySet<string> EventTypes)
{
    public static WebhookTarget From(WebhookEndpoint endpoint) => new(
        endpoint.Name!,
        new Uri(endpoint.Url!, UriKind.Absolute),
        new WebhookSigner(endpoint.Secrets),
        new HashSet<string>(endpoint.EventTypes, StringComparer.Ordinal));

    public bool Takes(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType);
}
