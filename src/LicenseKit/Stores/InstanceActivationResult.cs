namespace LicenseKit.Stores;

/// <summary>The result of <see cref="ILicenseStore.ActivateAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="License">The license as stored after the call; <see langword="null"/> when not found.</param>
/// <param name="Instance">The inserted or existing instance; <see langword="null"/> otherwise.</param>
public sealed record InstanceActivationResult(InstanceActivationOutcome Outcome, License? License = null, LicenseInstance? Instance = null)
{
    /// <summary>
    /// The lapsed instances the activation removed in the same atomic step to take a seat (see
    /// <see cref="ActivationRule.IsLapsed"/>); empty when it removed none.
    /// </summary>
    public IReadOnlyList<LicenseInstance> RemovedLapsedInstances { get; init; } = [];
}
