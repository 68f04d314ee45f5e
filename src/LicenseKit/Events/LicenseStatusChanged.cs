namespace LicenseKit;

/// <summary>
/// An update that changed the status (disable, enable, revoke). It is a <see cref="LicenseUpdated"/>, raised instead of
/// a plain one, so each write yields exactly one event.
/// </summary>
public sealed record LicenseStatusChanged : LicenseUpdated
{
    /// <summary>The status before the change.</summary>
    public LicenseStatus PreviousStatus => Previous.Status;

    /// <summary>The status after the change.</summary>
    public LicenseStatus Status => License.Status;
}
