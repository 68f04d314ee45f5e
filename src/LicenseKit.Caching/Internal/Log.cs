using Microsoft.Extensions.Logging;

namespace LicenseKit.Caching.Internal;

/// <summary>The cache's log messages; a failing cache is reported here and otherwise bypassed.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The license cache could not be read; the store answers instead.")]
    public static partial void CacheReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The license cache could not remember a license; the next lookup goes to the store.")]
    public static partial void CacheWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The license cache could not evict an entry after a write; other hosts may serve it until it expires.")]
    public static partial void EvictionFailed(ILogger logger, Exception exception);
}
