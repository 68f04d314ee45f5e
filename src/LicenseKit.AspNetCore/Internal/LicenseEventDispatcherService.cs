using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LicenseKit.Internal;

/// <summary>
/// Runs <see cref="LicenseEventDelivery"/> for the life of the host: claims and delivers due events back to back while
/// there are any, waits <see cref="LicenseEventDeliveryOptions.PollInterval"/> when none is due (or the store failed), and
/// prunes delivered events about once a minute. Waits run on real time, like network timeouts.
/// </summary>
internal sealed class LicenseEventDispatcherService(LicenseEventDelivery delivery, ILoggerFactory? loggerFactory = null) : BackgroundService
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger = (ILogger?)loggerFactory?.CreateLogger("LicenseKit.Events") ?? NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                if (DateTimeOffset.UtcNow >= nextPrune)
                {
                    nextPrune = DateTimeOffset.UtcNow + PruneInterval;
                    await delivery.PruneAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away or a statement failed: nothing was marked, the leases run out, the next turn retries.
                HostingLog.DispatchFailed(_logger, ex);
            }

            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(delivery.Options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
