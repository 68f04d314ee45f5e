namespace LicenseKit.Internal;

/// <summary>
/// What the key-holder endpoints show of a license by default: what an installed application needs to decide and
/// explain (status, limits, expiry, message), without the vendor's payment, customer and metadata records, which
/// whoever holds or guesses a key has no business reading (<see cref="LicenseKitHttpOptions.DiscloseCustomerDataToKeyHolders"/>).
/// Its wire names are the snake_case of <see cref="LicenseKitHttpJsonContext"/>.
/// </summary>
internal sealed record KeyHolderLicense
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public LicenseStatus Status { get; init; }

    public required string BusinessId { get; init; }

    public required string ProductId { get; init; }

    public int? ActivationsLimit { get; init; }

    public string? ActivationMessage { get; init; }

    public int InstancesCount { get; init; }

    public int? DurationHours { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool Archived { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

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
