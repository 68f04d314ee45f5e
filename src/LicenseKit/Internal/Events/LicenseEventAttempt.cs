using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

/// <summary>
/// One delivery attempt of a recorded event: every delivery target that has not taken it yet gets it, and the attempt
/// reports which targets took it and what failed. A plain handler is one target, named by its type (with <c>#2</c>,
/// <c>#3</c>… for further registrations of the same type, in registration order); a fan-out handler is one target per
/// name it reports, as <c>{type}/{name}</c>. A failing target does not keep the others from the event.
/// </summary>
internal sealed class LicenseEventAttempt
{
    private readonly LicenseEventRecord _record;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<string> _delivered = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private LicenseEventAttempt(LicenseEventRecord record, ILogger logger)
    {
        _record = record;
        _logger = logger;
    }

    /// <summary>Whether every target has the event now.</summary>
    public bool Succeeded => _errors.IsEmpty;

    /// <summary>What failed, one <c>target: error</c> per failed target.</summary>
    public string Error => string.Join("; ", _errors);

    /// <summary>The targets that have the event: those of earlier attempts and those of this one.</summary>
    public LicenseEventTargets DeliveredTargets => _record.DeliveredTargets.Union(_delivered);

    /// <summary>Delivers the event to its pending targets, handler after handler in registration order.</summary>
    /// <param name="record">The claimed event.</param>
    /// <param name="services">The attempt's scope, which resolves the registered handlers.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="cancellationToken">The attempt's token: the host's shutdown or the attempt's time limit.</param>
    /// <returns>The outcome; it never throws for what a handler does.</returns>
    public static async Task<LicenseEventAttempt> RunAsync(LicenseEventRecord record, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var attempt = new LicenseEventAttempt(record, logger);
        LicenseEvent licenseEvent;
        IEnumerable<ILicenseEventHandler> handlers;
        try
        {
            licenseEvent = record.ToEvent();
            // A handler that cannot be built fails the attempt like one that throws: retried, then parked.
            handlers = services.GetServices<ILicenseEventHandler>();
        }
        catch (Exception ex)
        {
            attempt.Fail("handlers", ex);
            return attempt;
        }

        var registrations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            var name = handler.GetType().ToString();
            var count = registrations[name] = registrations.GetValueOrDefault(name) + 1;
            if (count > 1)
            {
                name += "#" + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (handler is ILicenseEventFanOutHandler fanOut)
            {
                await attempt.FanOutAsync(fanOut, name, licenseEvent, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await attempt.DeliverAsync(name, ct => handler.HandleAsync(licenseEvent, ct), cancellationToken).ConfigureAwait(false);
            }
        }

        return attempt;
    }

    private async Task FanOutAsync(ILicenseEventFanOutHandler handler, string handlerName, LicenseEvent licenseEvent, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> targets;
        try
        {
            targets = handler.TargetsFor(licenseEvent);
        }
        catch (Exception ex)
        {
            Fail(handlerName, ex);
            return;
        }

        await Task.WhenAll(targets.Select(target =>
            DeliverAsync($"{handlerName}/{target}", ct => handler.HandleAsync(licenseEvent, target, ct), cancellationToken))).ConfigureAwait(false);
    }

    private async Task DeliverAsync(string target, Func<CancellationToken, Task> deliver, CancellationToken cancellationToken)
    {
        if (_record.DeliveredTargets.Contains(target))
        {
            return; // taken in an earlier attempt
        }

        if (!LicenseEventTargets.IsValidName(target))
        {
            // Delivering to it would repeat forever: it could never be recorded as done.
            Fail(target.ReplaceLineEndings(" "), new InvalidOperationException("A delivery target name must not be empty or hold a line break."));
            return;
        }

        try
        {
            await deliver(cancellationToken).ConfigureAwait(false);
            _delivered.Enqueue(target);
        }
        catch (Exception ex)
        {
            // A cancellation too: the attempt ran out of time (a failure) or the host is stopping (the caller keeps nothing).
            Fail(target, ex);
        }
    }

    private void Fail(string target, Exception ex)
    {
        Log.EventDeliveryFailed(_logger, ex, _record.Type, _record.Id, target, _record.Attempts);
        _errors.Enqueue($"{target}: {ex.GetType().Name}: {ex.Message}");
    }
}
