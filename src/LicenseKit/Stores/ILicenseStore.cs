namespace LicenseKit.Stores;

/// <summary>
/// Persists licenses and their activation instances. A store is atomic: every operation whose correctness depends on
/// "check, then write" is one call here, so several hosts sharing one database can never issue a key twice,
/// over-activate or lose an update. A store applies the rules it is given and no others: the uniqueness of ids, keys
/// and idempotency keys, <see cref="ActivationRule"/> inside <see cref="ActivateAsync"/>, and the caller's expected
/// version; validating input and every other business rule is the caller's.
/// </summary>
/// <remarks>
/// <para>Every lookup is scoped to a business: a license of another business is reported as not found.</para>
/// <para>
/// Keys reach a store only as <see cref="License.KeyHash"/>, a keyed hash of the <see cref="LicenseKeyNormalizer.Normalize"/>
/// form (<see cref="ILicenseKeyHasher"/>): a store keeps keys unique per business by that hash and finds them by it, and
/// keeps <see cref="License.KeyHint"/> and <see cref="License.ProtectedKey"/> as given. It never persists
/// <see cref="License.Key"/>: a license read back has none. Idempotency keys arrive hashed the same way
/// (<see cref="LicenseIdempotency.KeyHash"/>). So a dump of a store, or a database log line quoting a unique index,
/// holds no usable key. Hashes are opaque, case-sensitive strings of at most 128 characters.
/// </para>
/// <para>Every write to a license sets its <see cref="License.Version"/> to the stored version + 1.</para>
/// <para>A lookup value the store cannot hold (one containing U+0000, for instance) finds nothing; it never fails.</para>
/// <para>The <c>LicenseKit.Testing</c> package holds a conformance suite any implementation can derive from.</para>
/// </remarks>
public partial interface ILicenseStore
{
    /// <summary>
    /// Atomically inserts a new license unless its id, its key hash within its business, or the idempotency key hash
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

    /// <summary>Finds a license by its <see cref="License.KeyHash"/> within a business (exact, ordinal match).</summary>
    /// <param name="businessId">The business.</param>
    /// <param name="keyHash">The keyed hash of the normalized key, as <see cref="ILicenseKeyHasher"/> makes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The license, or <see langword="null"/>.</returns>
    Task<License?> FindByKeyAsync(string businessId, string keyHash, CancellationToken cancellationToken = default);

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
    /// Atomically applies an administrative edit. The store reads the license (else
    /// <see cref="LicenseEditOutcome.NotFound"/>); when <see cref="LicenseEdit.ExpectedVersion"/> is set and another edit
    /// landed after it, or it exceeds the stored version, answers <see cref="LicenseEditOutcome.ConcurrencyConflict"/>;
    /// calls <see cref="LicenseEdit.Apply"/> (<see cref="LicenseEditOutcome.Refused"/> with its errors,
    /// <see cref="LicenseEditOutcome.Unchanged"/> when it returns its input); refuses a result over its limit
    /// (<see cref="ActivationRule.IsOverLimit"/>, <see cref="LicenseEditOutcome.LimitBelowInstances"/>); otherwise writes
    /// every field of the result except id, business, creation time, instances count, version and the key (hash, hint, protected form), and bumps the version.
    /// </summary>
    /// <remarks>
    /// An edit conflicts only with another edit: an activation or deactivation landing between the read and the write
    /// makes the store read again and re-apply, never fail. Without an expected version an edit therefore always lands or
    /// is refused by a rule. The version still moves with every write, so a reader comparing versions sees every change.
    /// </remarks>
    /// <param name="edit">The edit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the stored license.</returns>
    Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically activates an instance. In one step that no concurrent call can interleave with, the store finds the
    /// license (else <see cref="InstanceActivationOutcome.LicenseNotFound"/>); refuses it with the reason
    /// <see cref="ActivationRule.Refusal"/> gives at <see cref="InstanceActivation.Now"/>; returns the live instance with
    /// the same fingerprint if there is one (<see cref="InstanceActivationOutcome.ExistingInstance"/>, no write); refuses
    /// with <see cref="InstanceActivationOutcome.LimitReached"/> when <see cref="ActivationRule.IsAtLimit(License, int)"/>
    /// with the instances lapsed at <see cref="InstanceActivation.Now"/> not counted; otherwise inserts the instance,
    /// increments the count, sets the expiry to <see cref="ActivationRule.ExpiresAtAfter"/>, sets
    /// <see cref="License.UpdatedAt"/> to <see cref="InstanceActivation.Now"/> and bumps the version.
    /// </summary>
    /// <remarks>
    /// Lapsed instances (<see cref="ActivationRule.IsLapsed"/>) are neither live nor returned as existing. When the license
    /// is at its limit counting them, or a lapsed instance holds the activation's fingerprint, the store deletes the
    /// license's lapsed instances in the same step, decrements the count by as many, and returns them in
    /// <see cref="InstanceActivationResult.RemovedLapsedInstances"/>; so the count always equals the stored instances.
    /// </remarks>
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
