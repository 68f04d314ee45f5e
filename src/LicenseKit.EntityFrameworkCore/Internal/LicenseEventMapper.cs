namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>The one mapping between <see cref="LicenseEventRecord"/> and its row.</summary>
internal static class LicenseEventMapper
{
    public static LicenseEventEntity ToEntity(LicenseEventRecord record) => new()
    {
        Sequence = record.Sequence,
        TransactionId = record.TransactionId,
        Id = record.Id,
        Type = record.Type,
        BusinessId = record.BusinessId,
        LicenseId = record.LicenseId,
        OccurredAt = LicenseMapper.ToUnixMs(record.OccurredAt),
        Payload = record.Payload,
        State = (int)record.State,
        Attempts = record.Attempts,
        NextAttemptAt = LicenseMapper.ToUnixMs(record.NextAttemptAt),
        LeaseOwner = record.LeaseOwner,
        LastError = record.LastError,
        DeliveredAt = record.DeliveredAt is { } at ? LicenseMapper.ToUnixMs(at) : null,
        DeliveredTargets = StoredTargets(record.DeliveredTargets),
    };

    public static LicenseEventRecord ToRecord(LicenseEventEntity row) => new()
    {
        Sequence = row.Sequence,
        TransactionId = row.TransactionId,
        Id = row.Id,
        Type = row.Type,
        BusinessId = row.BusinessId,
        LicenseId = row.LicenseId,
        OccurredAt = LicenseMapper.FromUnixMs(row.OccurredAt),
        Payload = row.Payload,
        State = (LicenseEventState)row.State,
        Attempts = row.Attempts,
        NextAttemptAt = LicenseMapper.FromUnixMs(row.NextAttemptAt),
        LeaseOwner = row.LeaseOwner,
        LastError = row.LastError,
        DeliveredAt = row.DeliveredAt is { } at ? LicenseMapper.FromUnixMs(at) : null,
        DeliveredTargets = LicenseEventTargets.Parse(row.DeliveredTargets),
    };

    /// <summary>The column's value of a target set: null for none, as rows recorded before the column existed hold.</summary>
    public static string? StoredTargets(LicenseEventTargets targets) => targets.Count == 0 ? null : targets.ToString();
}
