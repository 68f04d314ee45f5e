namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.ActivateAsync"/> did, and on refusal why (as <see cref="ActivationRule"/> decided).</summary>
public enum InstanceActivationOutcome
{
    /// <summary>The instance was inserted and counted.</summary>
    Activated,

    /// <summary>Nothing was written: a live instance with the same fingerprint exists and is returned.</summary>
    ExistingInstance,

    /// <summary>Nothing was written: no such license in the business.</summary>
    LicenseNotFound,

    /// <summary>Nothing was written: the license is revoked.</summary>
    Revoked,

    /// <summary>Nothing was written: the license is disabled.</summary>
    Disabled,

    /// <summary>Nothing was written: the license is archived.</summary>
    Archived,

    /// <summary>Nothing was written: the license expired at or before the activation time.</summary>
    Expired,

    /// <summary>Nothing was written: the live instances reached the activations limit.</summary>
    LimitReached,
}
