using System.Text.Json.Serialization;

namespace LicenseKit;

/// <summary>
/// An immutable snapshot of a license key issued to a customer. Every change produces a new instance with a higher
/// <see cref="Version"/>; two snapshots with equal data are equal, metadata included.
/// </summary>
public sealed record License
{
    /// <summary>The prefixed identifier of the license, e.g. <c>lic_hyQQhhNzfEuvv</c>.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The license key string delivered to the customer, e.g. <c>A184-99C2-8CBE</c>, when it is known: always in the result
    /// of issuing it and of an activation or validation (the caller presented it); on later reads only when keys are stored
    /// encrypted (an <see cref="ILicenseKeyProtector"/> is registered). Otherwise empty: no form of it is stored, and
    /// <see cref="KeyHint"/> tells keys apart. Stores never persist this property.
    /// </summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>
    /// The last characters of the normalized key (four, or a quarter of a short key), e.g. <c>8CBE</c>: enough for a
    /// customer or support to tell keys apart, far too little to use one. Not secret. Not part of the seed's wire format
    /// (its sixteen fields stay as they are).
    /// </summary>
    [JsonIgnore]
    public string? KeyHint { get; init; }

    /// <summary>
    /// The keyed hash of the normalized key (<see cref="ILicenseKeyHasher"/>) that stores index, match and keep unique per
    /// business. Set by LicenseKit before a license reaches a store; not part of the wire format.
    /// </summary>
    [JsonIgnore]
    public string? KeyHash { get; init; }

    /// <summary>The key encrypted by the registered <see cref="ILicenseKeyProtector"/>, when there is one; not part of the wire format.</summary>
    [JsonIgnore]
    public string? ProtectedKey { get; init; }

    /// <summary>The lifecycle status.</summary>
    public LicenseStatus Status { get; init; }

    /// <summary>The business (tenant) that owns the license.</summary>
    public required string BusinessId { get; init; }

    /// <summary>The host's product identifier.</summary>
    public required string ProductId { get; init; }

    /// <summary>The host's payment identifier that triggered the issuance, when there was one.</summary>
    public string? PaymentId { get; init; }

    /// <summary>The host's customer identifier.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The maximum number of simultaneous live activation instances; <see langword="null"/> means unlimited.</summary>
    public int? ActivationsLimit { get; init; }

    /// <summary>An optional message shown to the customer after a successful activation.</summary>
    public string? ActivationMessage { get; init; }

    /// <summary>The number of live activation instances.</summary>
    public int InstancesCount { get; init; }

    /// <summary>The validity in hours from <see cref="CreatedAt"/>; <see langword="null"/> when the license does not expire or its expiry was set as an absolute time.</summary>
    public int? DurationHours { get; init; }

    /// <summary>The absolute expiry; the license is invalid from this instant on. <see langword="null"/> means it never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Custom key/value data of the host (entitlements, filters); <see langword="null"/> when none.</summary>
    public LicenseMetadata? Metadata { get; init; }

    /// <summary>Whether the license is archived: hidden from lists by default and refused for activation and validation.</summary>
    public bool Archived { get; init; }

    /// <summary>When the license was issued (UTC, millisecond precision).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the license was last written (UTC, millisecond precision).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The entitlements this license grants beyond those of its product's <see cref="LicensePolicy"/>;
    /// <see langword="null"/> when it adds none. Serialized as <c>entitlements</c> (a JSON array) only when set, so a
    /// license without its own entitlements keeps the 16-field wire format.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LicenseEntitlements? Entitlements { get; init; }

    /// <summary>
    /// The optimistic-concurrency version: 1 at issue, incremented by every write. Not part of the wire format;
    /// HTTP hosts expose it as an ETag.
    /// </summary>
    [JsonIgnore]
    public long Version { get; init; }

    /// <summary>Whether the license has expired at <paramref name="now"/>.</summary>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns><see langword="true"/> when <see cref="ExpiresAt"/> is set and not after <paramref name="now"/>.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiresAt && expiresAt <= now;
}
