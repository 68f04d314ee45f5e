namespace LicenseKit.Stores;

/// <summary>The filters and position of <see cref="ILicenseStore.ListAsync"/>. Unset filters match everything.</summary>
public sealed record LicenseKeysetQuery
{
    /// <summary>Only licenses of this product.</summary>
    public string? ProductId { get; init; }

    /// <summary>Only licenses of this customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only licenses in this status.</summary>
    public LicenseStatus? Status { get; init; }

    /// <summary>Only archived (<see langword="true"/>) or unarchived (<see langword="false"/>) licenses; <see langword="null"/> for both.</summary>
    public bool? Archived { get; init; }

    /// <summary>Only licenses created at or after this instant.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only licenses created strictly before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Start strictly after this position in the (created_at desc, id desc) order; <see langword="null"/> for the first page.</summary>
    public LicenseKeysetPosition? After { get; init; }

    /// <summary>The maximum number of licenses to return.</summary>
    public int Limit { get; init; } = 20;
}
