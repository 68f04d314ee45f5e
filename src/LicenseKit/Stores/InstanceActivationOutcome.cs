namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.ActivateAsync"/> did.</summary>
public enum InstanceActivationOutcome
{
    /// <summary>The instance was inserted and counted.</summary>
    Activated,

    /// <summary>Nothing was written: a live instance with the same fingerprint exists and is returned.</summary>
    ExistingInstance,

    /// <summary>Nothing was written: no such license in the business.</summary>
    LicenseNotFound,

    /// <summary>Nothing was written: the license is not active, archived, expired, or at its activations limit.</summary>
    Rejected,
}
