namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.UpdateAsync"/> did.</summary>
public enum LicenseEditOutcome
{
    /// <summary>The license was replaced.</summary>
    Updated,

    /// <summary>Nothing was written: no such license in the business.</summary>
    NotFound,

    /// <summary>Nothing was written: the stored version differs from the expected one.</summary>
    ConcurrencyConflict,
}
