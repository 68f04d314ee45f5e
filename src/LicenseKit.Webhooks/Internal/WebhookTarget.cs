namespace LicenseKit.Webhooks.Internal;

/// <summary>A validated endpoint, parsed once: its URL and its signer.</summary>
internal sealed record WebhookTarget(string Name, Uri Url, WebhookSigner Signer)
{
    public static WebhookTarget From(WebhookEndpoint endpoint) => new(endpoint.Name!, new Uri(endpoint.Url!, UriKind.Absolute), new WebhookSigner(endpoint.Secrets));
}
