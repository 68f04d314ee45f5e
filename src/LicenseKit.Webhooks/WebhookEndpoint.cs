namespace LicenseKit;

/// <summary>A receiver of webhooks: where to post and the secrets to sign with.</summary>
public sealed class WebhookEndpoint
{
    /// <summary>A name unique among the endpoints, e.g. <c>crm</c>; it identifies the endpoint in results and logs.</summary>
    public string? Name { get; set; }

    /// <summary>The absolute <c>https://</c> (or <c>http://</c>) URL to post to. Redirects are not followed.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The <c>whsec_…</c> secrets to sign with (see <see cref="WebhookSecret.Generate"/>), at least one. Every delivery
    /// carries one signature per secret, so while rotating list both the new and the old one until the receiver has
    /// switched.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>
    /// The event types this endpoint receives (see <see cref="LicenseEventTypes"/>); empty, the default, means
    /// every type. Leaving out <see cref="LicenseEventTypes.ValidationFailed"/> keeps callers of a public
    /// validation endpoint from causing outbound requests.
    /// </summary>
    public IList<string> EventTypes { get; } = [];
}
