using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LicenseKit.Internal;

/// <summary>
/// The library's loggers, made once per host: <see cref="ILoggerFactory.CreateLogger"/> takes the factory's lock on
/// every call, and the services that log are built in a new scope for every request.
/// </summary>
internal sealed class LicenseKitLoggers(ILoggerFactory? loggerFactory = null)
{
    /// <summary>The "LicenseKit" category: operations and their refusals.</summary>
    public ILogger Operations { get; } = Create(loggerFactory, "LicenseKit");

    /// <summary>The "LicenseKit.Events" category: event handlers and delivery.</summary>
    public ILogger Events { get; } = Create(loggerFactory, "LicenseKit.Events");

    private static ILogger Create(ILoggerFactory? loggerFactory, string category) =>
        (ILogger?)loggerFactory?.CreateLogger(category) ?? NullLogger.Instance;
}
