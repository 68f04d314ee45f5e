using LicenseKit.Internal;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
/// run in parallel; the batch is claimed in one store call and its delivered events are marked in one. Each handler is
/// a delivery target of its own (and each target of an <see cref="ILicenseEventFanOutHandler"/>, such as a webhook
/// endpoint): a failed attempt records the targets that took the event (<see cref="LicenseEventRecord.DeliveredTargets"/>)
/// and the retry goes to the others only. A crash before the attempt is marked delivers it again to every target of
/// that attempt, so handlers still deduplicate by <see cref="LicenseEvent.EventId"/>.
/// </remarks>
public sealed class LicenseEventDelivery
{
    private readonly IServiceScopeFactory _scopes;
    private readonly LicenseEventDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal LicenseEventDelivery(IServiceScopeFactory scopes, IOptions<LicenseEventDeliveryOptions> options, TimeProvider time, LicenseKitLoggers loggers)
    {
        _scopes = scopes;
        _options = options.Value;
        _time = time;
        _logger = loggers.Events;
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
        var attempts = await Task.WhenAll(claimed.Select(e => DeliverAsync(e, cancellationToken))).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            return claimed.Count; // shutting down: unmarked events are claimed again when their leases end
        }

        scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var store = scope.ServiceProvider.GetRequiredService<ILicenseEventStore>();
            var delivered = claimed.Where((_, i) => attempts[i]!.Succeeded).Select(e => e.Id).ToArray();
            if (delivered.Length > 0)
            {
                await store.MarkDeliveredAsync(delivered, DispatcherId, _time.GetUtcNowMilliseconds(), CancellationToken.None).ConfigureAwait(false);
            }

            for (var i = 0; i < claimed.Count; i++)
            {
                if (!attempts[i]!.Succeeded)
                {
                    await MarkFailedAsync(store, claimed[i], attempts[i]!).ConfigureAwait(false);
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

    /// <summary>Delivers one event to its pending targets in a scope of its own.</summary>
    /// <returns>The attempt, or <see langword="null"/> when the host is stopping (then nothing is marked).</returns>
    private async Task<LicenseEventAttempt?> DeliverAsync(LicenseEventRecord record, CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            // Half the lease: the attempt ends well before another dispatcher may claim the event.
            using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeLimit.CancelAfter(_options.LeaseDuration / 2);
            var attempt = await LicenseEventAttempt.RunAsync(record, scope.ServiceProvider, _logger, timeLimit.Token).ConfigureAwait(false);
            // Shutting down: nothing is marked, the lease ends and another attempt follows (targets of this one get it again).
            return cancellationToken.IsCancellationRequested ? null : attempt;
        }
    }

    /// <summary>Schedules the retry of a failed event with backoff, or parks it after the last attempt.</summary>
    private Task<bool> MarkFailedAsync(ILicenseEventStore store, LicenseEventRecord record, LicenseEventAttempt attempt)
    {
        var retryAt = record.Attempts >= _options.MaxAttempts
            ? (DateTimeOffset?)null
            : _time.GetUtcNowMilliseconds() + RetryDelay(_options, record.Attempts, Random.Shared.NextDouble());
        if (retryAt is null)
        {
            Log.EventParked(_logger, record.Type, record.Id, record.Attempts);
        }

        // The targets that took the event go with the failure, in the same conditional update: the retry skips them.
        return store.MarkFailedAsync(record.Id, DispatcherId, Truncate(attempt.Error), retryAt, attempt.DeliveredTargets, CancellationToken.None);
    }

    private static string Truncate(string error) => error.Length <= LicenseLimits.MaxEventErrorLength ? error : error[..LicenseLimits.MaxEventErrorLength];
}
