namespace LicenseKit;

/// <summary>
/// Removes the instances of every business whose floating-seat lease lapsed, each with its own atomic store call that
/// frees its seat once, and raises <see cref="LicenseDeactivated"/> with <see cref="LicenseDeactivationReason.LeaseExpired"/>
/// for each. Sweeping is housekeeping, not correctness: a lapsed lease stops counting against the limit at once whether or
/// not it was swept (the next activation that needs the seat takes it over). Hosts run it on a schedule, e.g. with
/// <c>AddLeaseSweeper()</c> of LicenseKit.AspNetCore.
/// </summary>
public interface ILicenseLeaseSweeper
{
    /// <summary>
    /// Removes up to <paramref name="batchSize"/> instances lapsed now, longest lapsed first. An instance renewed by a
    /// concurrent heartbeat, or already removed by an activation or another sweeper, is skipped.
    /// </summary>
    /// <param name="batchSize">The most instances to look at in this call.</param>
    /// <param name="cancellationToken">Cancels the sweep between instances.</param>
    /// <returns>How many lapsed instances were found (removed or skipped): fewer than <paramref name="batchSize"/> when no more are left.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    Task<int> SweepAsync(int batchSize, CancellationToken cancellationToken = default);
}
