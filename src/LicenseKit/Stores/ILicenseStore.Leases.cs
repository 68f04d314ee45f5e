namespace LicenseKit.Stores;

// Floating seats: renewing a lease, and removing instances whose lease lapsed.
public partial interface ILicenseStore
{
    /// <summary>
    /// Atomically renews the lease of an instance: when the instance's lease has not lapsed at
    /// <see cref="InstanceLeaseRenewal.Now"/> (<see cref="ActivationRule.IsLapsed"/>), sets it to
    /// <see cref="InstanceLeaseRenewal.LeaseExpiresAt"/>. It writes nothing else: the license, its count and its version
    /// stay as they are. An instance without a lease is <see cref="InstanceLeaseRenewalOutcome.NotLeased"/>; a lapsed one
    /// is <see cref="InstanceLeaseRenewalOutcome.LeaseExpired"/> and stays for an activation or
    /// <see cref="DeactivateLapsedAsync"/> to remove. A renewal that is judged before its lease ends keeps the seat against
    /// any concurrent activation, which removes only instances lapsed at its own time.
    /// </summary>
    /// <param name="renewal">The renewal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the license and the instance as stored afterwards.</returns>
    Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists instances of every business whose lease has lapsed at <paramref name="now"/>, the longest lapsed first,
    /// for a sweeper to remove with <see cref="DeactivateLapsedAsync"/>.
    /// </summary>
    /// <param name="now">The time the leases are judged at.</param>
    /// <param name="limit">The most instances to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <paramref name="limit"/> lapsed instances.</returns>
    Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically deletes an instance only if its lease has lapsed at <paramref name="now"/>, decrements the count, sets
    /// <see cref="License.UpdatedAt"/> and bumps the version, like <see cref="DeactivateAsync"/>. An instance renewed
    /// meanwhile is <see cref="InstanceDeactivationOutcome.LeaseNotLapsed"/>; one already removed (by an activation that
    /// took its seat, or another sweeper) is <see cref="InstanceDeactivationOutcome.InstanceNotFound"/>: a seat is never
    /// freed twice.
    /// </summary>
    /// <param name="businessId">The business.</param>
    /// <param name="licenseId">The license id.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="now">The time the lease is judged at and of the write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the license as it is afterwards and the deleted instance.</returns>
    Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
