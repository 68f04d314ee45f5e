using LicenseKit;

/// <summary>Stands for the reader's own handler that queues webhooks.</summary>
public sealed class WebhookQueue : ILicenseEventHandler
{
    public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
