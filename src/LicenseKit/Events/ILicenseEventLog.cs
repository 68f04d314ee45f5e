namespace LicenseKit;

/// <summary>
/// Reads the events the store recorded with each write of the current business, and re-drives parked ones. Registered
/// by <c>AddLicenseKit()</c>; needs a store that records events (<see cref="Stores.ILicenseEventStore"/>).
/// </summary>
public interface ILicenseEventLog
{
    /// <summary>Lists recorded events after a cursor, oldest first; a refused cursor or limit is an error on <c>after</c> or <c>limit</c>.</summary>
    /// <param name="query">Where to start, how many, which state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A page, or the input errors.</returns>
    Task<LicenseResult<LicenseEventPage>> ListAsync(LicenseEventQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a parked event pending again, due now and with its attempts reset, so the dispatcher delivers it. Answers
    /// <see cref="LicenseErrorCodes.EventNotFound"/> for an unknown id and <see cref="LicenseErrorCodes.EventNotParked"/>
    /// for an event that is not parked.
    /// </summary>
    /// <param name="eventId">The event id (<c>evt_…</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The event as stored afterwards, or the error.</returns>
    Task<LicenseResult<LicenseEventRecord>> RedriveAsync(string eventId, CancellationToken cancellationToken = default);
}
