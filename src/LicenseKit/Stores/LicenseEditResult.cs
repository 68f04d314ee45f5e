namespace LicenseKit.Stores;

/// <summary>The result of <see cref="ILicenseStore.EditAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="License">The license as stored after the call (the edited one, or the current one when nothing was written); <see langword="null"/> when not found.</param>
/// <param name="Previous">For <see cref="LicenseEditOutcome.Edited"/>, the stored license the edit was applied to.</param>
/// <param name="Errors">For <see cref="LicenseEditOutcome.Refused"/>, the errors <see cref="LicenseEdit.Apply"/> gave.</param>
/// <param name="RequestedLimit">For <see cref="LicenseEditOutcome.LimitBelowInstances"/>, the activations limit the edit asked for.</param>
public sealed record LicenseEditResult(
    LicenseEditOutcome Outcome,
    License? License = null,
    License? Previous = null,
    IReadOnlyList<LicenseError>? Errors = null,
    int? RequestedLimit = null);
