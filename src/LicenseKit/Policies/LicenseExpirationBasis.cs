namespace LicenseKit;

/// <summary>The instant a license's validity period (<see cref="License.DurationHours"/>) is counted from.</summary>
public enum LicenseExpirationBasis
{
    /// <summary>From the license's creation, as the REST format describes <c>duration_hours</c>: <see cref="License.ExpiresAt"/> is set at issue.</summary>
    FromCreation = 0,

    /// <summary>
    /// From the license's first activation: <see cref="License.ExpiresAt"/> stays <see langword="null"/> until a device
    /// first activates it, and is then set once, atomically with that activation.
    /// </summary>
    FromFirstActivation = 1,
}
