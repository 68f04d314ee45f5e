namespace LicenseKit.Stores;

/// <summary>
/// Persists licenses and their activation instances. A store finds and writes; it decides no business rule. Every
/// operation whose correctness depends on "check, then write" is a single atomic call here, so several hosts sharing
/// one database can never issue a key twice, over-activate or lose an update.
/// </summary>
/// <remarks>
/// <para>Every lookup is scoped to a business: a license of another business is reported as not found.</para>
/// <para>Keys are unique per business by their <see cref="LicenseKeyNormalizer.Normalize"/> form, and matched by it.</para>
/// <para>Every write to a license sets its <see cref="License.Version"/> to the stored version + 1.</para>
/// <para>The <c>LicenseKit.Testing</c> package holds a conformance suite any implementation can derive from.</para>
/// </remarks>
public interface ILicenseStore
{
    /// <summary>
    /// Atomically inserts a new license unless its id, its normalized key within its business, or the idempotency key
    /// within its business is taken. The idempotency key is checked first, so a retried request finds its earlier license.
    /// </summary>
    /// <param name="license">The license to insert, with <see cref="License.Version"/> 1.</param>
    /// <param name="idempotency">The idempotency record to insert with it, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened.</returns>
    Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default);

    /// <summary>Finds a license by id within a business.</summary>
    /// <param name="businessId">The business.</param>
    /// <param name="licenseId">The license id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The license, or <see langword="null"/>.</returns>
    Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default);

    /// <summary>Finds a license by its normalized key within a business.</summary>
    /// <param name="businessId">The business.</param>
    /// <param name="normalizedKey">The key, already normalized with <see cref="LicenseKeyNormalizer.Normalize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The license, or <see langword="null"/>.</returns>
    Task<License?> FindByKeyAsync(string businessId, string normalizedKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists licenses of a business matching every set filter, newest first: ordered by <see cref="License.CreatedAt"/>
    /// descending, then <see cref="License.Id"/> descending, starting strictly after <see cref="LicenseKeysetQuery.After"/>.
    /// </summary>
    /// <param name="businessId">The business.</param>
    /// <param name="query">Filters, position and the number of items wanted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <see cref="LicenseKeysetQuery.Limit"/> licenses.</returns>
    Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically replaces a license if its stored version is still <paramref name="expectedVersion"/>.
    /// </summary>
    /// <param name="license">The new state, with <see cref="License.Version"/> = <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the stored license.</returns>
    Task<LicenseEditResult> UpdateAsync(License license, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically activates an instance. In one step that no concurrent call can interleave with, the store:
    /// finds the license (else <see cref="InstanceActivationOutcome.LicenseNotFound"/>); rejects it unless it is
    /// <see cref="LicenseStatus.Active"/>, not archived and not expired at <see cref="InstanceActivation.Now"/>
    /// (<see cref="InstanceActivationOutcome.Rejected"/>); returns the live instance with the same fingerprint if there is
    /// one (<see cref="InstanceActivationOutcome.ExistingInstance"/>, no write); rejects when the live instance count has
    /// reached the activations limit; otherwise inserts the instance, increments the count, sets
    /// <see cref="License.UpdatedAt"/> to <see cref="InstanceActivation.Now"/> and bumps the version.
    /// </summary>
    /// <param name="activation">The activation to perform.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the license as it is afterwards and the instance.</returns>
    Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically deletes a live instance of a license, decrements the count, sets <see cref="License.UpdatedAt"/> to
    /// <paramref name="now"/> and bumps the version.
    /// </summary>
    /// <param name="businessId">The business.</param>
    /// <param name="licenseId">The license id.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="now">The time of the write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the license as it is afterwards and the deleted instance.</returns>
    Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Finds a live instance of a license by instance id or, when <paramref name="instanceId"/> is null, by fingerprint.</summary>
    /// <param name="businessId">The business.</param>
    /// <param name="licenseId">The license id.</param>
    /// <param name="instanceId">The instance id, or <see langword="null"/>.</param>
    /// <param name="fingerprint">The fingerprint, used when <paramref name="instanceId"/> is <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instance, or <see langword="null"/>.</returns>
    Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Lists the live instances of a license, oldest first (by <see cref="LicenseInstance.CreatedAt"/>, then id).</summary>
    /// <param name="businessId">The business.</param>
    /// <param name="licenseId">The license id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instances; empty when there are none or the license is not found.</returns>
    Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default);
}
