namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>The row of a license. Timestamps are Unix milliseconds so every provider orders and compares them natively.</summary>
internal sealed class LicenseEntity
{
    public string Id { get; set; } = null!;

    public string BusinessId { get; set; } = null!;

    /// <summary>
    /// The plaintext key of a row written before keys were hashed; <see langword="null"/> on every row written since, and on
    /// old rows once <c>HashLicenseKeysAsync</c> has moved it into <see cref="KeyHash"/> (and <see cref="ProtectedKey"/>).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The keyed hash of the normalized key; <see langword="null"/> only on a row not yet upgraded.</summary>
    public string? KeyHash { get; set; }

    public string? KeyHint { get; set; }

    public string? ProtectedKey { get; set; }

    public string Status { get; set; } = null!;

    public string ProductId { get; set; } = null!;

    public string? PaymentId { get; set; }

    public string CustomerId { get; set; } = null!;

    public int? ActivationsLimit { get; set; }

    public string? ActivationMessage { get; set; }

    public int InstancesCount { get; set; }

    public int? DurationHours { get; set; }

    public long? ExpiresAt { get; set; }

    public string? Metadata { get; set; }

    /// <summary>The license's own entitlements, space-separated in ordinal order; <see langword="null"/> for none.</summary>
    public string? Entitlements { get; set; }

    public bool Archived { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The version the last edit (or the creation) gave the license: an edit's expected version conflicts only with edits after it.</summary>
    public long LastEditVersion { get; set; }
}
