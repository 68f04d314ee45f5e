namespace LicenseKit.Webhooks.Internal;

/// <summary>
/// Stamps and signs each attempt. It sits inside the resilience handler, so a retry carries the same
/// <c>webhook-id</c> but a fresh <c>webhook-timestamp</c> and signature, as the Standard Webhooks specification asks.
/// </summary>
internal sealed class WebhookSigningHandler(TimeProvider timeProvider) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<WebhookSigner> SignerOption = new("LicenseKit.Webhooks.Signer");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SignerOption, out var signer)
            && request.Headers.TryGetValues(WebhookHeaders.Id, out var ids)
            && request.Content is { } content)
        {
            var webhookId = ids.First();
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            request.Headers.Remove(WebhookHeaders.Timestamp);
            request.Headers.Remove(WebhookHeaders.Signature);
            request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, WebhookSignature.FormatTimestamp(now.ToUnixTimeSeconds()));
            request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, signer.Sign(webhookId, now, body));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
