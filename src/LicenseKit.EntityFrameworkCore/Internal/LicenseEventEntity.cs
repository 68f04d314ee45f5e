namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>The row of a recorded event; times are Unix milliseconds like the other LicenseKit tables.</summary>
internal sealed class LicenseEventEntity
{
    public long Sequence { get; set; }

    /// <summary>The recording transaction's id on PostgreSQL (<c>pg_current_xact_id()</c>), 0 on other databases.</summary>
    public long TransactionId { get; set; }

    public string Id { get; set; } = null!;

    public string Type { get; set; } = null!;

    public string BusinessId { get; set; } = null!;

    public string LicenseId { get; set; } = null!;

    public long OccurredAt { get; set; }

    public string Payload { get; set; } = null!;

    public int State { get; set; }

    public int Attempts { get; set; }

    public long NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public string? LastError { get; set; }

    public long? DeliveredAt { get; set; }

    /// <summary>The targets that took the event, one name per line (<see cref="LicenseEventTargets.ToString"/>); null for none.</summary>
    public string? DeliveredTargets { get; set; }
}
