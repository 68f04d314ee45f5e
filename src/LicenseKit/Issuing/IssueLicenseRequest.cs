using System.Text.Json.Serialization;

namespace LicenseKit;

/// <summary>
/// A request to issue a license: the Create License Key REST format's body (<c>product_id</c>, <c>customer_id</c>,
/// <c>activations_limit</c>, <c>duration_hours</c>, <c>key</c>) plus payment, activation message, metadata and an
/// idempotency key. Limits are listed in <see cref="LicenseLimits"/>.
/// </summary>
public sealed record IssueLicenseRequest
{
    /// <summary>The host's product id. Required; at most <see cref="LicenseLimits.MaxIdLength"/> characters, no control characters.</summary>
    public required string ProductId { get; init; }

    /// <summary>The host's customer id. Required; same rules as <see cref="ProductId"/>.</summary>
    public required string CustomerId { get; init; }

    /// <summary>
    /// The maximum number of live activation instances; <see langword="null"/> (default) means unlimited, 0 means the
    /// license can be validated but never activated. Negative values are refused.
    /// </summary>
    public int? ActivationsLimit { get; init; }

    /// <summary>Validity in hours from issue, 1 to <see cref="LicenseLimits.MaxDurationHours"/>; <see langword="null"/> (default) never expires.</summary>
    public int? DurationHours { get; init; }

    /// <summary>
    /// A custom key; <see langword="null"/> (default) generates one. Surrounding whitespace is trimmed; uniqueness within
    /// the business is case-insensitive. At most <see cref="LicenseLimits.MaxKeyLength"/> characters, no control characters.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The host's payment id that triggered the issuance, if any.</summary>
    public string? PaymentId { get; init; }

    /// <summary>A message shown to the customer on activation; at most <see cref="LicenseLimits.MaxActivationMessageLength"/> characters.</summary>
    public string? ActivationMessage { get; init; }

    /// <summary>Custom metadata; at most <see cref="LicenseLimits.MaxMetadataEntries"/> entries with bounded key and value lengths.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>
    /// Entitlements the license grants beyond its product's (<see cref="LicensePolicy.Entitlements"/>): at most
    /// <see cref="LicenseLimits.MaxEntitlements"/> names, each valid by <see cref="LicenseEntitlements.IsValidName(string?)"/>.
    /// <see langword="null"/> (default) or empty adds none.
    /// </summary>
    public IReadOnlyList<string>? Entitlements { get; init; }

    /// <summary>
    /// An idempotency key, unique per business: repeating a request with the same key returns the license the first
    /// call issued and issues nothing new; reusing it for a different request fails with
    /// <see cref="LicenseErrorCodes.IdempotencyKeyConflict"/>. HTTP hosts take it from the <c>Idempotency-Key</c> header.
    /// </summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}
