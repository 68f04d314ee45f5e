namespace LicenseKit;

/// <summary>
/// Receives <see cref="LicenseEvent"/>s. Register any number with <c>AddLicenseKit().AddEventHandler&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// <para>The store records the event of each write atomically with it; <see cref="LicenseEventDelivery"/> (run by the
/// <c>AddEventDispatcher()</c> hosted service) then calls the handlers, one after another in registration order, at least
/// once: a handler that throws or times out makes the event retried later with backoff, and parked after
/// <see cref="LicenseEventDeliveryOptions.MaxAttempts"/>. Each handler is tracked apart (by its type's full name), so the
/// retry goes only to the handlers that have not taken the event; a crash mid-attempt still repeats it, so deduplicate
/// by <see cref="LicenseEvent.EventId"/>. A handler with several targets of its own implements
/// <see cref="ILicenseEventFanOutHandler"/>.</para>
/// <para><see cref="LicenseValidationFailed"/> is the exception: a validation writes nothing, so it records nothing; it is
/// passed to the handlers during the validation, best effort (a failing handler is logged and skipped).</para>
/// </remarks>
public interface ILicenseEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="licenseEvent">The event; switch on its type.</param>
    /// <param name="cancellationToken">The operation's cancellation token.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken);
}
