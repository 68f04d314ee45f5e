namespace LicenseKit;

/// <summary>Why an instance was deactivated (<see cref="LicenseDeactivated.Reason"/>).</summary>
public enum LicenseDeactivationReason
{
    /// <summary>A caller deactivated it (<see cref="ILicenseActivator.DeactivateAsync"/>).</summary>
    Requested = 0,

    /// <summary>Its floating seat's lease lapsed without a heartbeat: an activation took the seat, or the sweeper removed it.</summary>
    LeaseExpired = 1,
}
