namespace LicenseKit.Stores;

// Floating seats: a lease that lapses frees its seat at once, whether or not anything has removed the instance yet.
public static partial class ActivationRule
{
    /// <summary>
    /// Whether the lease of <paramref name="instance"/> has lapsed at <paramref name="now"/>: it had one and it ended at
    /// or before <paramref name="now"/>. A lapsed instance no longer counts against the activations limit, a heartbeat no
    /// longer renews it, and an activation that needs its seat removes it. A node-locked instance (no lease) never lapses.
    /// </summary>
    /// <param name="instance">The instance as stored.</param>
    /// <param name="now">The time of the check.</param>
    /// <returns><see langword="true"/> when the lease has lapsed.</returns>
    public static bool IsLapsed(LicenseInstance instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.LeaseExpiresAt is { } end && end <= now;
    }

    /// <summary>
    /// Whether the instances of <paramref name="license"/> that have not lapsed leave no slot for a new one:
    /// <see cref="IsAtLimit(License)"/> with the <paramref name="lapsedInstances"/> not counted.
    /// </summary>
    /// <param name="license">The license as stored.</param>
    /// <param name="lapsedInstances">How many of its stored instances have lapsed (<see cref="IsLapsed"/>) at the activation time.</param>
    /// <returns><see langword="true"/> when a new instance would exceed the activations limit.</returns>
    public static bool IsAtLimit(License license, int lapsedInstances)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentOutOfRangeException.ThrowIfNegative(lapsedInstances);
        return license.ActivationsLimit is { } limit && license.InstancesCount - lapsedInstances >= limit;
    }

    /// <summary>
    /// The expiry a license has once <paramref name="activation"/> inserts an instance: the one it has, or, while it has
    /// none, <see cref="InstanceActivation.ExpiresAtOnFirstActivation"/>. A store writes it in the same atomic step as the
    /// insert, so of any number of concurrent first activations exactly one sets it and every other keeps it.
    /// </summary>
    /// <param name="license">The license as stored before the activation.</param>
    /// <param name="activation">The activation.</param>
    /// <returns>The expiry after the activation.</returns>
    public static DateTimeOffset? ExpiresAtAfter(License license, InstanceActivation activation)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(activation);
        return license.ExpiresAt ?? activation.ExpiresAtOnFirstActivation;
    }
}
