namespace LicenseKit;

/// <summary>
/// Receives <see cref="LicenseEvent"/>s. Register any number with <c>AddLicenseKit().AddEventHandler&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// Handlers run after the store write has succeeded, one after another in registration order, and the operation waits
/// for them before it returns. A handler that throws is logged and skipped: the write stands and the caller still gets
/// its result. Work that may be slow or fail (webhooks) belongs in a queue the handler feeds; use
/// <see cref="LicenseEvent.EventId"/> to deduplicate.
/// </remarks>
public interface ILicenseEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="licenseEvent">The event; switch on its type.</param>
    /// <param name="cancellationToken">The operation's cancellation token.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken);
}
