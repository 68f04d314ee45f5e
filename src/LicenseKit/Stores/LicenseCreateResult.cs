namespace LicenseKit.Stores;

/// <summary>The result of <see cref="ILicenseStore.CreateAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="License">The inserted license, or for <see cref="LicenseCreateOutcome.IdempotencyKeyExists"/> the existing one.</param>
/// <param name="ExistingRequestHash">For <see cref="LicenseCreateOutcome.IdempotencyKeyExists"/>, the stored request hash.</param>
public sealed record LicenseCreateResult(LicenseCreateOutcome Outcome, License? License = null, string? ExistingRequestHash = null);
