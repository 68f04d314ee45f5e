namespace LicenseKit.Stores;

/// <summary>What <see cref="ILicenseStore.EditAsync"/> did.</summary>
public enum LicenseEditOutcome
{
    /// <summary>The edited fields were written and the version bumped.</summary>
    Edited,

    /// <summary>Nothing was written: the edit changes nothing.</summary>
    Unchanged,

    /// <summary>Nothing was written: no such license in the business.</summary>
    NotFound,

    /// <summary>Nothing was written: <see cref="LicenseEdit.Apply"/> refused; the result carries its errors.</summary>
    Refused,

    /// <summary>Nothing was written: the edit would leave the activations limit below the live instances (<see cref="ActivationRule.IsOverLimit"/>).</summary>
    LimitBelowInstances,

    /// <summary>Nothing was written: another edit landed after <see cref="LicenseEdit.ExpectedVersion"/>, or that version was never reached.</summary>
    ConcurrencyConflict,
}
