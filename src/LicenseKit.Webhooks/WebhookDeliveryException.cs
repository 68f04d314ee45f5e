namespace LicenseKit;

/// <summary>
/// Thrown by the sender when it runs as an <see cref="ILicenseEventHandler"/> and an endpoint did not accept an event,
/// so whoever runs handlers sees the event as not handled.
/// </summary>
public sealed class WebhookDeliveryException : Exception
{
    /// <summary>Creates the exception from the failed results.</summary>
    /// <param name="failures">The deliveries that failed, at least one.</param>
    public WebhookDeliveryException(IReadOnlyList<WebhookDeliveryResult> failures)
        : base(Describe(failures)) => Failures = failures;

    /// <summary>The deliveries that failed.</summary>
    public IReadOnlyList<WebhookDeliveryResult> Failures { get; }

    private static string Describe(IReadOnlyList<WebhookDeliveryResult> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"Webhook {failures[0].WebhookId} was not delivered: "
            + string.Join(" ", failures.Select(f => $"{f.EndpointName}: {f.Error}"));
    }
}
