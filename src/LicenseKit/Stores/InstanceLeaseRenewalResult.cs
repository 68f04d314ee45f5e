namespace LicenseKit.Stores;

/// <summary>The result of <see cref="ILicenseStore.RenewLeaseAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="License">The license as stored; <see langword="null"/> when not found.</param>
/// <param name="Instance">The instance as stored after the call; <see langword="null"/> when not found.</param>
public sealed record InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome Outcome, License? License = null, LicenseInstance? Instance = null);
