namespace LicenseKit.Stores;

/// <summary>
/// An administrative change for <see cref="ILicenseStore.EditAsync"/> to apply atomically: a pure function from the
/// stored license to the edited one, which the store may call more than once (each time with the latest stored state).
/// </summary>
/// <param name="BusinessId">The business.</param>
/// <param name="LicenseId">The license to edit.</param>
/// <param name="Apply">
/// Computes the edited license from the stored one (with <see cref="License.UpdatedAt"/> set when it changes anything),
/// or the rule the change breaks. A result equal to its input means "nothing to change".
/// </param>
/// <param name="ExpectedVersion">
/// The <see cref="License.Version"/> the caller read (an HTTP <c>If-Match</c>), or <see langword="null"/> to apply to
/// whatever is stored. The edit conflicts only when another edit landed after that version; activations and
/// deactivations never make it conflict.
/// </param>
public sealed record LicenseEdit(string BusinessId, string LicenseId, Func<License, LicenseResult<License>> Apply, long? ExpectedVersion = null)
{
    /// <summary>
    /// Decides this edit against the stored license, in the order <see cref="ILicenseStore.EditAsync"/> documents. A store
    /// calls it with what it read and writes only on <see cref="LicenseEditOutcome.Edited"/>, whose
    /// <see cref="LicenseEditResult.License"/> is then the license to write (version already bumped) and whose
    /// <see cref="LicenseEditResult.Previous"/> is <paramref name="stored"/>.
    /// </summary>
    /// <param name="stored">The license as stored.</param>
    /// <param name="lastEditVersion">The version the stored license's last edit (or its creation) gave it.</param>
    /// <returns>The answer when nothing is to be written, or the license to write.</returns>
    public LicenseEditResult Decide(License stored, long lastEditVersion)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (ExpectedVersion is { } expected && (lastEditVersion > expected || expected > stored.Version))
        {
            return new LicenseEditResult(LicenseEditOutcome.ConcurrencyConflict, stored);
        }

        var applied = Apply(stored);
        if (!applied.Succeeded)
        {
            return new LicenseEditResult(LicenseEditOutcome.Refused, stored, Errors: applied.Errors);
        }

        var edited = applied.Value!;
        if (edited == stored)
        {
            return new LicenseEditResult(LicenseEditOutcome.Unchanged, stored);
        }

        // Only an edit's own fields come from Apply; what activations own stays as stored.
        edited = edited with
        {
            Id = stored.Id,
            BusinessId = stored.BusinessId,
            CreatedAt = stored.CreatedAt,
            InstancesCount = stored.InstancesCount,
            Version = stored.Version + 1,

            // A license keeps its key for life, and a store never holds its plaintext.
            Key = string.Empty,
            KeyHash = stored.KeyHash,
            KeyHint = stored.KeyHint,
            ProtectedKey = stored.ProtectedKey,
        };
        return ActivationRule.IsOverLimit(edited)
            ? new LicenseEditResult(LicenseEditOutcome.LimitBelowInstances, stored, RequestedLimit: edited.ActivationsLimit)
            : new LicenseEditResult(LicenseEditOutcome.Edited, edited, stored);
    }
}
