namespace LicenseKit.Stores;

/// <summary>The result of <see cref="ILicenseStore.DeactivateAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="License">The license as stored after the call; <see langword="null"/> when not found.</param>
/// <param name="Instance">The deleted instance; <see langword="null"/> otherwise.</param>
public sealed record InstanceDeactivationResult(InstanceDeactivationOutcome Outcome, License? License = null, LicenseInstance? Instance = null);
