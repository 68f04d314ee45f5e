using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

internal static partial class Log
{
    [LoggerMessage(20, LogLevel.Warning, "Delivery of {EventType} {EventId} failed on attempt {Attempt}; it will be retried or parked.")]
    public static partial void EventDeliveryFailed(ILogger logger, Exception exception, string eventType, string eventId, int attempt);

    [LoggerMessage(21, LogLevel.Error, "Parked {EventType} {EventId} after {Attempts} failed attempts; re-drive it once the handler is fixed.")]
    public static partial void EventParked(ILogger logger, string eventType, string eventId, int attempts);
}
