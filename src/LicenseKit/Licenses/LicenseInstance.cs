using System.Text.Json.Serialization;

namespace LicenseKit;

/// <summary>
/// One activated installation (device, server, seat) of a license. Live instances count against
/// <see cref="License.ActivationsLimit"/>; deactivation deletes the instance and frees its slot.
/// </summary>
public sealed record LicenseInstance
{
    /// <summary>The prefixed identifier, e.g. <c>lki_4Xq9…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The business that owns the license.</summary>
    public required string BusinessId { get; init; }

    /// <summary>The id of the license this instance belongs to (wire name <c>license_key_id</c>).</summary>
    [JsonPropertyName("license_key_id")]
    public required string LicenseId { get; init; }

    /// <summary>A human-readable name chosen by the client, e.g. the machine name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// An optional stable device fingerprint; unique per license, so activating the same fingerprint again returns
    /// this instance instead of using another slot.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>When the instance was activated (UTC, millisecond precision).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When the seat's lease ends unless a heartbeat renews it (a floating seat); <see langword="null"/> for a node-locked
    /// instance, which holds its seat until deactivated. A lapsed instance no longer counts against
    /// <see cref="License.ActivationsLimit"/> (see <see cref="Stores.ActivationRule.IsLapsed"/>). Absent from the JSON when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LeaseExpiresAt { get; init; }
}
