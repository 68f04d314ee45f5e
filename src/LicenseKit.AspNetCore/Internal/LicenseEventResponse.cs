using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>A recorded event on the wire: what happened (<c>type</c>, <c>data</c>) and where its delivery stands.</summary>
internal sealed record LicenseEventResponse
{
    /// <summary>The one home of the wire spellings of <see cref="LicenseEventState"/>.</summary>
    public static IReadOnlyDictionary<LicenseEventState, string> StateSpellings { get; } = new Dictionary<LicenseEventState, string>
    {
        [LicenseEventState.Pending] = "PENDING",
        [LicenseEventState.Delivered] = "DELIVERED",
        [LicenseEventState.Parked] = "PARKED",
    };

    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string BusinessId { get; init; }

    public required string LicenseId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required JsonElement Data { get; init; }

    public required string State { get; init; }

    public required int Attempts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? NextAttemptAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastError { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>The delivery targets that took the event while others failed; left out when none did.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? DeliveredTargets { get; init; }

    public static LicenseEventResponse From(LicenseEventRecord record)
    {
        using var data = JsonDocument.Parse(record.Payload);
        return new()
        {
            Id = record.Id,
            Type = record.Type,
            BusinessId = record.BusinessId,
            LicenseId = record.LicenseId,
            OccurredAt = record.OccurredAt,
            Data = data.RootElement.Clone(),
            State = StateSpellings[record.State],
            Attempts = record.Attempts,
            NextAttemptAt = record.State == LicenseEventState.Pending ? record.NextAttemptAt : null,
            LastError = record.LastError,
            DeliveredAt = record.DeliveredAt,
            DeliveredTargets = record.DeliveredTargets.Count == 0 ? null : [.. record.DeliveredTargets],
        };
    }
}
