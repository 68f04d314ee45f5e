namespace LicenseKit;

/// <summary>The outcome of delivering one event to one endpoint, after the sender's own retries.</summary>
public sealed record WebhookDeliveryResult
{
    /// <summary>The endpoint's <see cref="WebhookEndpoint.Name"/>.</summary>
    public required string EndpointName { get; init; }

    /// <summary>The <c>webhook-id</c> sent: the event id.</summary>
    public required string WebhookId { get; init; }

    /// <summary>Whether the endpoint answered with a 2xx status.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The status code of the last answer, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why the delivery failed, e.g. <c>The endpoint answered 503 Service Unavailable.</c>; <see langword="null"/> on success.</summary>
    public string? Error { get; init; }
}
