using LicenseKit.Internal;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LicenseKit;

/// <summary>
/// Delivers recorded events to the registered <see cref="ILicenseEventHandler"/>s, at least once: it claims due events
/// from the <see cref="ILicenseEventStore"/> under a lease, runs every handler on each, marks it delivered, and on a
/// failure schedules a retry with exponential backoff and jitter, parking the event after
/// <see cref="LicenseEventDeliveryOptions.MaxAttempts"/>. A host runs it in a loop (the <c>AddEventDispatcher()</c> hosted
/// service of LicenseKit.AspNetCore does); tests and jobs may call it directly.
/// </summary>
/// <remarks>
/// Each event runs in a service scope of its own, so scoped handlers are not shared between the events of a batch, which
/// run in parallel; the batch is claimed in one store call and its delivered events are marked in one. A handler that
/// throws fails the event for every handler: all of them see it again on the retry, so handlers deduplicate by
/// <see cref="LicenseEvent.EventId"/>.
/// </remarks>
public sealed class LicenseEventDelivery
{
    private readonly IServiceScopeFactory _scopes;
    private readonly LicenseEventDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal LicenseEventDelivery(IServiceScopeFactory scopes, IOptions<LicenseEventDeliveryOptions> options, TimeProvider time, ILoggerFactory? loggerFactory)
    {
        _scopes = scopes;
        _options = options.Value;
        _time = time;
        _logger = (ILogger?)loggerFactory?.CreateLogger("LicenseKit.Events") ?? NullLogger.Instance;
    }

    /// <summary>This dispatcher's lease owner id, unique per instance.</summary>
    public string DispatcherId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{PrefixedId.Create("dsp")}";

    /// <summary>The options in use.</summary>
    public LicenseEventDeliveryOptions Options => _options;

    /// <summary>Claims one batch of due events and delivers it.</summary>
    /// <param name="cancellationToken">Stops the delivery; an event interrupted by it is claimed again when its lease ends.</param>
    /// <returns>How many events were claimed (0 when none was due).</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LicenseEventRecord> claimed;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var now = _time.GetUtcNowMilliseconds();
            claimed = await scope.ServiceProvider.GetRequiredService<ILicenseEventStore>()
                .ClaimEventsAsync(DispatcherId, now, now + _options.LeaseDuration, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        // A claim holds at most one event per license, so the batch runs in parallel without reordering any license. The
        // outcomes are marked together afterwards: the delivered ones in one statement, failures one by one.
        var errors = await Task.WhenAll(claimed.Select(e => DeliverAsync(e, cancellationToken))).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            return claimed.Count; // shutting down: unmarked events are claimed again when their leases end
        }

        scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var store = scope.ServiceProvider.GetRequiredService<ILicenseEventStore>();
            var delivered = claimed.Where((_, i) => errors[i] is null).Select(e => e.Id).ToArray();
            if (delivered.Length > 0)
            {
                await store.MarkDeliveredAsync(delivered, DispatcherId, _time.GetUtcNowMilliseconds(), CancellationToken.None).ConfigureAwait(false);
            }

            for (var i = 0; i < claimed.Count; i++)
            {
                if (errors[i] is { } error)
                {
                    await MarkFailedAsync(store, claimed[i], error).ConfigureAwait(false);
                }
            }
        }

        return claimed.Count;
    }

    /// <summary>Deletes events delivered longer than <see cref="LicenseEventDeliveryOptions.Retention"/> ago, up to 1,000 per call.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await scope.ServiceProvider.GetRequiredService<ILicenseEventStore>()
                .PruneEventsAsync(_time.GetUtcNowMilliseconds() - _options.Retention, 1000, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: doubling, capped, with jitter.</summary>
    internal static TimeSpan RetryDelay(LicenseEventDeliveryOptions options, int attempts, double jitter)
    {
        var exponential = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        // "Equal jitter": at least half the delay, so retries spread out without ever coming back at once.
        return TimeSpan.FromMilliseconds(capped / 2 + (capped / 2 * jitter));
    }

    /// <summary>Runs every handler on one event in a scope of its own.</summary>
    /// <returns>The error that failed the attempt, or <see langword="null"/> when every handler returned (or the host is stopping).</returns>
    private async Task<string?> DeliverAsync(LicenseEventRecord record, CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var licenseEvent = record.ToEvent();
                // Half the lease: the attempt ends well before another dispatcher may claim the event.
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(_options.LeaseDuration / 2);
                foreach (var handler in scope.ServiceProvider.GetServices<ILicenseEventHandler>())
                {
                    await handler.HandleAsync(licenseEvent, attempt.Token).ConfigureAwait(false);
                }

                return null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null; // shutting down: nothing is marked, the lease ends and another attempt follows
            }
            catch (Exception ex)
            {
                Log.EventDeliveryFailed(_logger, ex, record.Type, record.Id, record.Attempts);
                return $"{ex.GetType().Name}: {ex.Message}";
            }
        }
    }

    /// <summary>Schedules the retry of a failed event with backoff, or parks it after the last attempt.</summary>
    private Task<bool> MarkFailedAsync(ILicenseEventStore store, LicenseEventRecord record, string error)
    {
        var retryAt = record.Attempts >= _options.MaxAttempts
            ? (DateTimeOffset?)null
            : _time.GetUtcNowMilliseconds() + RetryDelay(_options, record.Attempts, Random.Shared.NextDouble());
        if (retryAt is null)
        {
            Log.EventParked(_logger, record.Type, record.Id, record.Attempts);
        }

        return store.MarkFailedAsync(record.Id, DispatcherId, Truncate(error), retryAt, CancellationToken.None);
    }

    private static string Truncate(string error) => error.Length <= LicenseLimits.MaxEventErrorLength ? error : error[..LicenseLimits.MaxEventErrorLength];
}
