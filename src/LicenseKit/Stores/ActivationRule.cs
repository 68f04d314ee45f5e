using LicenseKit.Internal;

namespace LicenseKit.Stores;

/// <summary>
/// The rule a license must meet to take a new activation: active, not archived, not expired, and under its activations
/// limit. Every store applies it inside its atomic <see cref="ILicenseStore.ActivateAsync"/> (a store that checks it in
/// SQL says so beside its statement), so the reason a store reports is the reason the activation was refused.
/// </summary>
public static partial class ActivationRule
{
    /// <summary>
    /// Why <paramref name="license"/> cannot be activated at <paramref name="now"/> regardless of its instances, in the
    /// documented order (revoked, disabled, archived, expired); <see langword="null"/> when it may be.
    /// </summary>
    /// <param name="license">The license as stored.</param>
    /// <param name="now">The time of the activation.</param>
    /// <returns>The refusal, or <see langword="null"/>.</returns>
    public static InstanceActivationOutcome? Refusal(License license, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(license);
        return LicenseRules.ValidationCode(license, now) switch
        {
            LicenseValidationCode.Revoked => InstanceActivationOutcome.Revoked,
            LicenseValidationCode.Disabled => InstanceActivationOutcome.Disabled,
            LicenseValidationCode.Archived => InstanceActivationOutcome.Archived,
            LicenseValidationCode.Expired => InstanceActivationOutcome.Expired,
            _ => null,
        };
    }

    /// <summary>Whether the live instances of <paramref name="license"/> leave no slot for a new one.</summary>
    /// <param name="license">The license as stored.</param>
    /// <returns><see langword="true"/> when a new instance would exceed the activations limit.</returns>
    public static bool IsAtLimit(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license.ActivationsLimit is { } limit && license.InstancesCount >= limit;
    }

    /// <summary>
    /// Whether <paramref name="license"/> has more live instances than its activations limit allows: a state no store
    /// may write, so an edit lowering the limit below the live count is refused atomically.
    /// </summary>
    /// <param name="license">The license as it would be stored.</param>
    /// <returns><see langword="true"/> when the live instances exceed the limit.</returns>
    public static bool IsOverLimit(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license.ActivationsLimit is { } limit && license.InstancesCount > limit;
    }
}
