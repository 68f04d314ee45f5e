namespace LicenseKit;

/// <summary>
/// The host-side management of licenses: find, list, update, the status transitions and archiving. Every call is
/// scoped to the current business.
/// </summary>
/// <remarks>
/// Writes use optimistic concurrency on <see cref="License.Version"/>. Pass the version you read as
/// <c>expectedVersion</c> to fail with <see cref="LicenseErrorCodes.ConcurrencyConflict"/> when someone else wrote in
/// between (an HTTP <c>If-Match</c>); leave it null to apply the change to the latest state, re-checking every rule.
/// </remarks>
public interface ILicenseManager
{
    /// <summary>Finds a license by id.</summary>
    /// <param name="licenseId">The id (<c>lic_…</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The license, or <see langword="null"/> when none is visible to the current business.</returns>
    Task<License?> FindByIdAsync(string licenseId, CancellationToken cancellationToken = default);

    /// <summary>Finds a license by key (whitespace- and case-tolerant).</summary>
    /// <param name="licenseKey">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The license, or <see langword="null"/>.</returns>
    Task<License?> FindByKeyAsync(string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>Lists licenses, newest first, with keyset pagination.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or an error for a bad page size (<c>page_size</c>) or cursor (<c>cursor</c>).</returns>
    Task<LicenseResult<LicensePage>> ListAsync(LicenseQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies a partial update.</summary>
    /// <param name="licenseId">The license id.</param>
    /// <param name="update">The fields to change.</param>
    /// <param name="expectedVersion">The version the caller read, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated license, or the errors; nothing is written on failure.</returns>
    Task<LicenseResult<License>> UpdateAsync(string licenseId, LicenseUpdate update, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Suspends an active license (ACTIVE → DISABLED).</summary>
    /// <param name="licenseId">The license id.</param>
    /// <param name="expectedVersion">The version the caller read, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated license, or the errors.</returns>
    Task<LicenseResult<License>> DisableAsync(string licenseId, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Re-enables a disabled license (DISABLED → ACTIVE).</summary>
    /// <param name="licenseId">The license id.</param>
    /// <param name="expectedVersion">The version the caller read, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated license, or the errors.</returns>
    Task<LicenseResult<License>> EnableAsync(string licenseId, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes a license for good (ACTIVE or DISABLED → REVOKED).</summary>
    /// <param name="licenseId">The license id.</param>
    /// <param name="expectedVersion">The version the caller read, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated license, or the errors.</returns>
    Task<LicenseResult<License>> RevokeAsync(string licenseId, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Archives or unarchives a license.</summary>
    /// <param name="licenseId">The license id.</param>
    /// <param name="archived">Whether the license is to be archived.</param>
    /// <param name="expectedVersion">The version the caller read, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated license, or the errors.</returns>
    Task<LicenseResult<License>> SetArchivedAsync(string licenseId, bool archived, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the live instances of a license, oldest first.</summary>
    /// <param name="licenseId">The license id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instances, or <see cref="LicenseErrorCodes.LicenseNotFound"/>.</returns>
    Task<LicenseResult<IReadOnlyList<LicenseInstance>>> ListInstancesAsync(string licenseId, CancellationToken cancellationToken = default);
}
