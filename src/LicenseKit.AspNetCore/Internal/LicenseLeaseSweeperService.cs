using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>
/// Sweeps lapsed leases on a timer of the LicenseKit clock, each sweep in a scope of its own (the store may be scoped).
/// A failing sweep is logged and retried at the next tick: sweeping is housekeeping, and the host must keep running.
/// </summary>
internal sealed class LicenseLeaseSweeperService(
    IServiceScopeFactory scopes, IOptions<LicenseLeaseSweeperOptions> options, TimeProvider timeProvider, ILogger<LicenseLeaseSweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var sweeper = scope.ServiceProvider.GetRequiredService<ILicenseLeaseSweeper>();
                    while (await sweeper.SweepAsync(settings.BatchSize, stoppingToken).ConfigureAwait(false) == settings.BatchSize)
                    {
                        // A full batch: more may be lapsed.
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                HostingLog.SweepFailed(logger, exception);
            }
        }
    }
}
