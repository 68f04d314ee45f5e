using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

/// <summary>Delivers events to the registered handlers, isolating the operation from handler failures.</summary>
internal sealed class LicenseEventDispatcher(IEnumerable<ILicenseEventHandler> handlers, ILoggerFactory? loggerFactory = null)
{
    private readonly ILogger _logger = (ILogger?)loggerFactory?.CreateLogger("LicenseKit.Events") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

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
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.EventHandlerFailed(_logger, ex, handler.GetType().Name, licenseEvent.GetType().Name, licenseEvent.EventId);
            }
        }
    }
}
