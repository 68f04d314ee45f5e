using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

// The hosted services' messages in one class: with logging methods in several classes, the logging generator emitted
// the classes in a varying order, and two builds of one commit gave different assemblies.
internal static partial class HostingLog
{
    [LoggerMessage(1, LogLevel.Warning, "Sweeping lapsed license leases failed; the next sweep retries.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(30, LogLevel.Error, "Claiming or pruning license events failed; retrying after the poll interval.")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);
}
