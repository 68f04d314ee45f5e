using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// What the key-holder endpoints show of a license by default: what an installed application needs to decide and
/// explain (status, limits, expiry, message), without the vendor's payment, customer and metadata records, which
/// whoever holds or guesses a key has no business reading (<see cref="LicenseKitOptions.DiscloseCustomerDataToKeyHolders"/>, which signed tokens follow too).
/// Its wire names are spelled out (<see cref="ValidationWireNames"/>), so the OpenAPI document shows them whatever the host's naming policy is.
/// </summary>
internal sealed record KeyHolderLicense
{
    [JsonPropertyName(ValidationWireNames.Id)]
    public required string Id { get; init; }

    [JsonPropertyName(ValidationWireNames.Key)]
    public required string Key { get; init; }

    [JsonPropertyName(ValidationWireNames.Status)]
    public LicenseStatus Status { get; init; }

    [JsonPropertyName(ValidationWireNames.BusinessId)]
    public required string BusinessId { get; init; }

    [JsonPropertyName(ValidationWireNames.ProductId)]
    public required string ProductId { get; init; }

    [JsonPropertyName(ValidationWireNames.ActivationsLimit)]
    public int? ActivationsLimit { get; init; }

    [JsonPropertyName(ValidationWireNames.ActivationMessage)]
    public string? ActivationMessage { get; init; }

    [JsonPropertyName(ValidationWireNames.InstancesCount)]
    public int InstancesCount { get; init; }

    [JsonPropertyName(ValidationWireNames.DurationHours)]
    public int? DurationHours { get; init; }

    [JsonPropertyName(ValidationWireNames.ExpiresAt)]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonPropertyName(ValidationWireNames.Archived)]
    public bool Archived { get; init; }

    [JsonPropertyName(ValidationWireNames.CreatedAt)]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName(ValidationWireNames.UpdatedAt)]
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
