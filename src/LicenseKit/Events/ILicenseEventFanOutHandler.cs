namespace LicenseKit;

/// <summary>
/// An <see cref="ILicenseEventHandler"/> that delivers each event to several targets of its own (a webhook sender's
/// endpoints), so the event dispatcher can track each target apart: a target that took an event is not given it again
/// when another target's failure makes the dispatcher retry the event.
/// </summary>
/// <remarks>
/// <para><see cref="LicenseEventDelivery"/> calls <see cref="TargetsFor"/>, then
/// <see cref="HandleAsync(LicenseEvent, string, CancellationToken)"/> for each target that has not taken the event yet,
/// concurrently; a call that returns is recorded as the target's (<see cref="LicenseEventRecord.DeliveredTargets"/>,
/// as <c>{handler type}/{target}</c>), a call that throws fails the attempt for that target only. Target names must stay
/// the same between attempts (and host restarts): a renamed target counts as new and gets the event again.</para>
/// <para>Whoever calls handlers in one go (a validation's <see cref="LicenseValidationFailed"/>) uses
/// <see cref="ILicenseEventHandler.HandleAsync(LicenseEvent, CancellationToken)"/>, which should deliver to every target.</para>
/// </remarks>
public interface ILicenseEventFanOutHandler : ILicenseEventHandler
{
    /// <summary>The targets that take <paramref name="licenseEvent"/>.</summary>
    /// <param name="licenseEvent">The event.</param>
    /// <returns>Stable, unique names without line breaks; empty when no target takes the event.</returns>
    IReadOnlyList<string> TargetsFor(LicenseEvent licenseEvent);

    /// <summary>Delivers <paramref name="licenseEvent"/> to one target.</summary>
    /// <param name="licenseEvent">The event.</param>
    /// <param name="target">One of the names <see cref="TargetsFor"/> returned.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the target has taken the event; it fails when the target refused it.</returns>
    Task HandleAsync(LicenseEvent licenseEvent, string target, CancellationToken cancellationToken);
}
