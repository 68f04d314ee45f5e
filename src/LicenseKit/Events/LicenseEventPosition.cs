namespace LicenseKit;

/// <summary>
/// Where an event stands in the feed: the feed is ordered by <see cref="TransactionId"/>, then by
/// <see cref="Sequence"/>. <see langword="default"/> is before every event.
/// </summary>
/// <param name="TransactionId">The <see cref="LicenseEventRecord.TransactionId"/> of the event (0 where the store keeps none).</param>
/// <param name="Sequence">The <see cref="LicenseEventRecord.Sequence"/> of the event.</param>
public readonly record struct LicenseEventPosition(long TransactionId, long Sequence)
{
    /// <summary>Whether <paramref name="record"/> comes after this position in the feed.</summary>
    /// <param name="record">A recorded event.</param>
    /// <returns><see langword="true"/> when the record's position is greater.</returns>
    public bool IsBefore(LicenseEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TransactionId > TransactionId || (record.TransactionId == TransactionId && record.Sequence > Sequence);
    }
}
