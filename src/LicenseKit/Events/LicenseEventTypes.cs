namespace LicenseKit;

/// <summary>
/// The one home of the event type names (a recorded event's and a webhook's <c>type</c>), one per <see cref="LicenseEvent"/>, spelled
/// as the payment platform of the Create License Key API spells its own (<c>license_key.created</c>).
/// </summary>
public static class LicenseEventTypes
{
    /// <summary>A license was issued (<see cref="LicenseIssued"/>).</summary>
    public const string Created = "license_key.created";

    /// <summary>A license was changed by the host without a status change (<see cref="LicenseUpdated"/>).</summary>
    public const string Updated = "license_key.updated";

    /// <summary>
    /// A license was disabled, enabled or revoked (<see cref="LicenseStatusChanged"/>); sent instead of
    /// <see cref="Updated"/> for such a write, so each write yields one webhook.
    /// </summary>
    public const string StatusChanged = "license_key.status_changed";

    /// <summary>A new instance was activated (<see cref="LicenseActivated"/>).</summary>
    public const string Activated = "license_key.activated";

    /// <summary>An instance was deactivated and its slot freed (<see cref="LicenseDeactivated"/>).</summary>
    public const string Deactivated = "license_key.deactivated";

    /// <summary>A validation returned a code other than <c>VALID</c> (<see cref="LicenseValidationFailed"/>).</summary>
    public const string ValidationFailed = "license_key.validation_failed";

    /// <summary>Every event type, in the order of this class.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Updated, StatusChanged, Activated, Deactivated, ValidationFailed];

    /// <summary>Returns the event type of <paramref name="licenseEvent"/>.</summary>
    /// <param name="licenseEvent">The event.</param>
    /// <returns>Its webhook event type, e.g. <see cref="Created"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="licenseEvent"/> is of a type this version does not know.</exception>
    public static string Of(LicenseEvent licenseEvent)
    {
        ArgumentNullException.ThrowIfNull(licenseEvent);
        return licenseEvent switch
        {
            LicenseIssued => Created,
            LicenseStatusChanged => StatusChanged,
            LicenseUpdated => Updated,
            LicenseActivated => Activated,
            LicenseDeactivated => Deactivated,
            LicenseValidationFailed => ValidationFailed,
            _ => throw new ArgumentException($"No webhook event type is defined for {licenseEvent.GetType().Name}.", nameof(licenseEvent)),
        };
    }
}
