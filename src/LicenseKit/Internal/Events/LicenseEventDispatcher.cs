using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

/// <summary>
/// Passes a validation's <see cref="LicenseValidationFailed"/> to the handlers during the request, isolating it from their
/// failures. Writes record their events in the store instead (<see cref="LicenseEventDelivery"/>).
/// </summary>
internal sealed class LicenseEventDispatcher(IEnumerable<ILicenseEventHandler> handlers, LicenseKitLoggers loggers)
{
    private readonly ILogger _logger = loggers.Events;

    private readonly ILicenseEventHandler[] _handlers = [.. handlers];

    /// <summary>Whether anyone listens; callers skip building events when not.</summary>
    public bool HasHandlers => _handlers.Length > 0;

    public async Task DispatchAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.HandleAsync(licenseEvent, cancellationToken).ConfigureAwait(false);
            }
            // The operation has already been written when events go out: only the caller's own cancellation may surface.
            // A handler's timeout (TaskCanceledException from HttpClient) is a handler failure like any other.
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                Log.EventHandlerFailed(_logger, ex, handler.GetType().Name, licenseEvent.GetType().Name, licenseEvent.EventId);
            }
        }
    }
}
