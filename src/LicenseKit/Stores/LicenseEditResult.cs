namespace LicenseKit.Stores;

/// <summary>The result of <see cref="ILicenseStore.UpdateAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="License">The stored license after the call (the new one, or the current one on conflict).</param>
public sealed record LicenseEditResult(LicenseEditOutcome Outcome, License? License = null);
