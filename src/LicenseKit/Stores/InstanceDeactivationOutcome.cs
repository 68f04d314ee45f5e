namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.DeactivateAsync"/> did.</summary>
public enum InstanceDeactivationOutcome
{
    /// <summary>The instance was deleted and the count decremented.</summary>
    Deactivated,

    /// <summary>Nothing was written: no such license in the business.</summary>
    LicenseNotFound,

    /// <summary>Nothing was written: the license has no live instance with that id.</summary>
    InstanceNotFound,

    /// <summary>
    /// Nothing was written: <see cref="ILicenseStore.DeactivateLapsedAsync"/> found the instance but its lease had not
    /// lapsed (a heartbeat renewed it first).
    /// </summary>
    LeaseNotLapsed,
}
