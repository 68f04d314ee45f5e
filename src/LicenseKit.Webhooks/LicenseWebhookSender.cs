using System.Net.Http.Headers;
using LicenseKit.Serialization;
using LicenseKit.Webhooks.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LicenseKit;

/// <summary>
/// Posts license events to the configured <see cref="WebhookOptions.Endpoints"/>, signed per the Standard Webhooks
/// specification, through <see cref="IHttpClientFactory"/> with retries and timeouts. Every attempt carries the event id
/// as <c>webhook-id</c> and is signed afresh with the attempt's <c>webhook-timestamp</c>.
/// </summary>
/// <remarks>
/// Registered by <c>AddWebhooks()</c> both as itself and as an <see cref="ILicenseEventHandler"/>. As an
/// <see cref="ILicenseEventFanOutHandler"/> it lets the event dispatcher track each endpoint apart: each endpoint that
/// takes an event's type is a delivery target, and an endpoint that took the event is not posted it again when another
/// endpoint's failure makes the event retried. Code of its own calls <see cref="DeliverAsync(LicenseEvent, CancellationToken)"/>
/// or <see cref="DeliverAsync(LicenseEvent, string, CancellationToken)"/> and reads the results; they never throw for a
/// receiver's failure.
/// </remarks>
public sealed class LicenseWebhookSender : ILicenseEventFanOutHandler
{
    /// <summary>The name of the <see cref="HttpClient"/> the sender uses; configure it further with <c>services.AddHttpClient(HttpClientName)</c>.</summary>
    public const string HttpClientName = "LicenseKit.Webhooks";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly WebhookTarget[] _targets;
    private readonly ILogger _logger;

    internal LicenseWebhookSender(IHttpClientFactory httpClientFactory, IOptions<WebhookOptions> options, ILoggerFactory? loggerFactory)
    {
        _httpClientFactory = httpClientFactory;
        _targets = [.. options.Value.Endpoints.Select(WebhookTarget.From)];
        _logger = (ILogger?)loggerFactory?.CreateLogger("LicenseKit.Webhooks") ?? NullLogger.Instance;
    }

    /// <summary>The names of the configured endpoints, in configuration order.</summary>
    public IReadOnlyList<string> EndpointNames => [.. _targets.Select(t => t.Name)];

    /// <summary>The names of the endpoints that take <paramref name="licenseEvent"/>'s type (<see cref="WebhookEndpoint.EventTypes"/>).</summary>
    /// <param name="licenseEvent">The event.</param>
    /// <returns>The names, in configuration order; empty when no endpoint takes the type.</returns>
    public IReadOnlyList<string> EndpointNamesFor(LicenseEvent licenseEvent) => [.. EndpointsFor(licenseEvent).Select(t => t.Name)];

    /// <summary>
    /// Delivers <paramref name="licenseEvent"/> at once to every endpoint that takes its type and reports each outcome.
    /// </summary>
    /// <param name="licenseEvent">The event; its <see cref="LicenseEvent.EventId"/> becomes the <c>webhook-id</c>.</param>
    /// <param name="cancellationToken">Cancels the delivery (then the method throws).</param>
    /// <returns>One result per endpoint that takes the type, in configuration order.</returns>
    public async Task<IReadOnlyList<WebhookDeliveryResult>> DeliverAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken = default)
    {
        var targets = EndpointsFor(licenseEvent);
        if (targets.Length == 0)
        {
            return [];
        }

        var body = Serialize(licenseEvent);
        return await Task.WhenAll(targets.Select(t => SendAsync(t, licenseEvent.EventId, body, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Delivers <paramref name="licenseEvent"/> to one endpoint, for a dispatcher that tracks endpoints apart (see
    /// <see cref="EndpointNamesFor"/>). The endpoint's <see cref="WebhookEndpoint.EventTypes"/> are not consulted: the
    /// caller chose it.
    /// </summary>
    /// <param name="licenseEvent">The event; its <see cref="LicenseEvent.EventId"/> becomes the <c>webhook-id</c>.</param>
    /// <param name="endpointName">The <see cref="WebhookEndpoint.Name"/> of the endpoint.</param>
    /// <param name="cancellationToken">Cancels the delivery (then the method throws).</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">No endpoint has that name.</exception>
    public Task<WebhookDeliveryResult> DeliverAsync(LicenseEvent licenseEvent, string endpointName, CancellationToken cancellationToken = default)
    {
        var target = Array.Find(_targets, t => string.Equals(t.Name, endpointName, StringComparison.Ordinal))
            ?? throw new ArgumentException($"No webhook endpoint is named '{endpointName}'.", nameof(endpointName));
        return SendAsync(target, licenseEvent.EventId, Serialize(licenseEvent), cancellationToken);
    }

    /// <summary>Delivers the event to every endpoint; throws <see cref="WebhookDeliveryException"/> when any refused it.</summary>
    /// <param name="licenseEvent">The event.</param>
    /// <param name="cancellationToken">The operation's cancellation token.</param>
    /// <returns>A task that completes when every endpoint has accepted the event.</returns>
    /// <exception cref="WebhookDeliveryException">An endpoint did not accept the event after the retries.</exception>
    public async Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
    {
        var results = await DeliverAsync(licenseEvent, cancellationToken).ConfigureAwait(false);
        var failures = results.Where(r => !r.Succeeded).ToArray();
        if (failures.Length > 0)
        {
            throw new WebhookDeliveryException(failures);
        }
    }

    /// <summary>
    /// Delivers the event to one endpoint; throws <see cref="WebhookDeliveryException"/> when it refused the event. The
    /// event dispatcher calls this for each endpoint that has not taken the event yet, so a retry after one endpoint's
    /// failure does not post the event again to the endpoints that took it.
    /// </summary>
    /// <param name="licenseEvent">The event.</param>
    /// <param name="target">The <see cref="WebhookEndpoint.Name"/> of the endpoint.</param>
    /// <param name="cancellationToken">The operation's cancellation token.</param>
    /// <returns>A task that completes when the endpoint has accepted the event.</returns>
    /// <exception cref="WebhookDeliveryException">The endpoint did not accept the event after the retries.</exception>
    /// <exception cref="ArgumentException">No endpoint has that name.</exception>
    public async Task HandleAsync(LicenseEvent licenseEvent, string target, CancellationToken cancellationToken)
    {
        var result = await DeliverAsync(licenseEvent, target, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new WebhookDeliveryException([result]);
        }
    }

    /// <inheritdoc />
    IReadOnlyList<string> ILicenseEventFanOutHandler.TargetsFor(LicenseEvent licenseEvent) => EndpointNamesFor(licenseEvent);

    private WebhookTarget[] EndpointsFor(LicenseEvent licenseEvent)
    {
        var eventType = LicenseEventTypes.Of(licenseEvent);
        return Array.FindAll(_targets, t => t.Takes(eventType));
    }

    private static byte[] Serialize(LicenseEvent licenseEvent)
    {
        ArgumentNullException.ThrowIfNull(licenseEvent);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(LicenseWebhookPayload.From(licenseEvent), LicenseWebhookJsonContext.Default.LicenseWebhookPayload);
    }

    private async Task<WebhookDeliveryResult> SendAsync(WebhookTarget target, string webhookId, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, webhookId);
        request.Options.Set(WebhookSigningHandler.SignerOption, target.Signer);
        WebhookDeliveryResult result;
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            result = response.IsSuccessStatusCode
                ? new() { EndpointName = target.Name, WebhookId = webhookId, StatusCode = status }
                : new() { EndpointName = target.Name, WebhookId = webhookId, StatusCode = status, Error = $"The endpoint answered {status} {response.ReasonPhrase}." };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not (OutOfMemoryException or ArgumentException))
        {
            // Connection errors, timeouts and any other transport failure are the receiver's side: a result, not a throw.
            result = new() { EndpointName = target.Name, WebhookId = webhookId, Error = $"{ex.GetType().Name}: {ex.Message}" };
        }

        if (result.Succeeded)
        {
            Log.Delivered(_logger, webhookId, target.Name, result.StatusCode);
        }
        else
        {
            Log.DeliveryFailed(_logger, webhookId, target.Name, result.Error!);
        }

        return result;
    }
}
