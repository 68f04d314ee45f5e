namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.RenewLeaseAsync"/> did.</summary>
public enum InstanceLeaseRenewalOutcome
{
    /// <summary>The lease was renewed.</summary>
    Renewed,

    /// <summary>Nothing was written: the instance is node-locked and has no lease to renew.</summary>
    NotLeased,

    /// <summary>Nothing was written: the lease had lapsed; the seat is free for another activation.</summary>
    LeaseExpired,

    /// <summary>Nothing was written: the license has no instance with that id.</summary>
    InstanceNotFound,

    /// <summary>Nothing was written: no such license in the business.</summary>
    LicenseNotFound,
}
