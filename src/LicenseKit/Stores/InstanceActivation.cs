namespace LicenseKit.Stores;

/// <summary>An activation for <see cref="ILicenseStore.ActivateAsync"/> to perform atomically.</summary>
/// <param name="BusinessId">The business.</param>
/// <param name="LicenseId">The license to activate.</param>
/// <param name="Instance">The instance to insert (id, name, fingerprint and creation time already set).</param>
/// <param name="Now">The time of the activation: expiry is judged at it and it becomes the license's updated_at.</param>
public sealed record InstanceActivation(string BusinessId, string LicenseId, LicenseInstance Instance, DateTimeOffset Now)
{
    /// <summary>
    /// The expiry to give a license that has none yet (its term runs from its first activation), set in the same atomic
    /// step as the activation that inserts an instance, and only when <see cref="License.ExpiresAt"/> is still
    /// <see langword="null"/>; <see langword="null"/> leaves the expiry as it is. See <see cref="ActivationRule.ExpiresAtAfter"/>.
    /// </summary>
    public DateTimeOffset? ExpiresAtOnFirstActivation { get; init; }
}
