using System.Text;
using System.Text.Json;
using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>Converts between the immutable public records and the mutable rows.</summary>
internal static class LicenseMapper
{
    public const string Active = "ACTIVE";

    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static string ToStatus(LicenseStatus status) => status switch
    {
        LicenseStatus.Active => Active,
        LicenseStatus.Disabled => "DISABLED",
        LicenseStatus.Revoked => "REVOKED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown license status."),
    };

    public static LicenseStatus FromStatus(string status) => status switch
    {
        Active => LicenseStatus.Active,
        "DISABLED" => LicenseStatus.Disabled,
        "REVOKED" => LicenseStatus.Revoked,
        _ => throw new InvalidOperationException($"The stored license status '{status}' is unknown."),
    };

    public static LicenseEntity ToEntity(License license) => new()
    {
        Id = license.Id,
        BusinessId = license.BusinessId,
        Key = null, // never the plaintext: the column only holds what rows written before hashing had
        KeyHash = LicenseKeyHashRequirement.Of(license),
        KeyHint = license.KeyHint,
        ProtectedKey = license.ProtectedKey,
        Status = ToStatus(license.Status),
        ProductId = license.ProductId,
        PaymentId = license.PaymentId,
        CustomerId = license.CustomerId,
        ActivationsLimit = license.ActivationsLimit,
        ActivationMessage = license.ActivationMessage,
        InstancesCount = license.InstancesCount,
        DurationHours = license.DurationHours,
        ExpiresAt = license.ExpiresAt is { } expiresAt ? ToUnixMs(expiresAt) : null,
        Metadata = SerializeMetadata(license.Metadata),
        Entitlements = SerializeEntitlements(license.Entitlements),
        Archived = license.Archived,
        CreatedAt = ToUnixMs(license.CreatedAt),
        UpdatedAt = ToUnixMs(license.UpdatedAt),
        Version = license.Version,
        LastEditVersion = license.Version,
    };

    public static License ToLicense(LicenseEntity entity) => new()
    {
        Id = entity.Id,
        BusinessId = entity.BusinessId,
        KeyHash = entity.KeyHash,
        KeyHint = entity.KeyHint,
        ProtectedKey = entity.ProtectedKey,
        Status = FromStatus(entity.Status),
        ProductId = entity.ProductId,
        PaymentId = entity.PaymentId,
        CustomerId = entity.CustomerId,
        ActivationsLimit = entity.ActivationsLimit,
        ActivationMessage = entity.ActivationMessage,
        InstancesCount = entity.InstancesCount,
        DurationHours = entity.DurationHours,
        ExpiresAt = entity.ExpiresAt is { } expiresAt ? FromUnixMs(expiresAt) : null,
        Metadata = DeserializeMetadata(entity.Metadata),
        Entitlements = DeserializeEntitlements(entity.Entitlements),
        Archived = entity.Archived,
        CreatedAt = FromUnixMs(entity.CreatedAt),
        UpdatedAt = FromUnixMs(entity.UpdatedAt),
        Version = entity.Version,
    };

    public static LicenseIdempotencyEntity ToEntity(License license, LicenseIdempotency idempotency) => new()
    {
        BusinessId = license.BusinessId,
        KeyHash = idempotency.KeyHash,
        LicenseId = license.Id,
        RequestHash = idempotency.RequestHash,
    };

    public static LicenseInstanceEntity ToEntity(LicenseInstance instance) => new()
    {
        Id = instance.Id,
        BusinessId = instance.BusinessId,
        LicenseId = instance.LicenseId,
        Name = instance.Name,
        Fingerprint = instance.Fingerprint,
        CreatedAt = ToUnixMs(instance.CreatedAt),
        LeaseExpiresAt = instance.LeaseExpiresAt is { } lease ? ToUnixMs(lease) : null,
    };

    public static LicenseInstance ToInstance(LicenseInstanceEntity entity) => new()
    {
        Id = entity.Id,
        BusinessId = entity.BusinessId,
        LicenseId = entity.LicenseId,
        Name = entity.Name,
        Fingerprint = entity.Fingerprint,
        CreatedAt = FromUnixMs(entity.CreatedAt),
        LeaseExpiresAt = entity.LeaseExpiresAt is { } lease ? FromUnixMs(lease) : null,
    };

    // A JSON object written entry by entry keeps the metadata's order; the column is text, not jsonb, which would sort keys.
    public static string? SerializeMetadata(LicenseMetadata? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in metadata)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Names hold no spaces (LicenseEntitlements.IsValidName), so one space separates them; an empty set is stored as null.
    public static string? SerializeEntitlements(LicenseEntitlements? entitlements) =>
        entitlements is { Count: > 0 } ? string.Join(' ', entitlements) : null;

    public static LicenseEntitlements? DeserializeEntitlements(string? names) =>
        string.IsNullOrEmpty(names) ? null : new LicenseEntitlements(names.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static LicenseMetadata? DeserializeMetadata(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            entries.Add(new(property.Name, property.Value.GetString() ?? string.Empty));
        }

        return new LicenseMetadata(entries);
    }
}
