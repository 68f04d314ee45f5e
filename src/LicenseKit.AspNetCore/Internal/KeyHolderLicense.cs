using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// What the key-holder endpoints show of a license by default: what an installed application needs to decide and
/// explain (status, limits, expiry, message), without the vendor's payment, customer and metadata records, which
/// whoever holds or guesses a key has no business reading (<see cref="LicenseKitOptions.DiscloseCustomerDataToKeyHolders"/>, which signed tokens follow too).
/// Its wire names are spelled out, so the OpenAPI document shows them whatever the host's naming policy is.
/// </summary>
internal sealed record KeyHolderLicense
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("status")]
    public LicenseStatus Status { get; init; }

    [JsonPropertyName("business_id")]
    public required string BusinessId { get; init; }

    [JsonPropertyName("product_id")]
    public required string ProductId { get; init; }

    [JsonPropertyName("activations_limit")]
    public int? ActivationsLimit { get; init; }

    [JsonPropertyName("activation_message")]
    public string? ActivationMessage { get; init; }

    [JsonPropertyName("instances_count")]
    public int InstancesCount { get; init; }

    [JsonPropertyName("duration_hours")]
    public int? DurationHours { get; init; }

    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonPropertyName("archived")]
    public bool Archived { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    public static KeyHolderLicense From(License license) => new()
    {
        Id = license.Id,
        Key = license.Key,
        Status = license.Status,
        BusinessId = license.BusinessId,
        ProductId = license.ProductId,
        ActivationsLimit = license.ActivationsLimit,
        ActivationMessage = license.ActivationMessage,
        InstancesCount = license.InstancesCount,
        DurationHours = license.DurationHours,
        ExpiresAt = license.ExpiresAt,
        Archived = license.Archived,
        CreatedAt = license.CreatedAt,
        UpdatedAt = license.UpdatedAt,
    };
}
