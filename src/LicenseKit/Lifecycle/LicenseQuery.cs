namespace LicenseKit;

/// <summary>Filters and paging of <see cref="ILicenseManager.ListAsync"/>. Results are newest first.</summary>
public sealed record LicenseQuery
{
    /// <summary>Only licenses of this product.</summary>
    public string? ProductId { get; init; }

    /// <summary>Only licenses of this customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only licenses in this status.</summary>
    public LicenseStatus? Status { get; init; }

    /// <summary>
    /// <see langword="false"/> (default): archived licenses are left out; <see langword="true"/>: only archived ones;
    /// <see langword="null"/>: both.
    /// </summary>
    public bool? Archived { get; init; } = false;

    /// <summary>Only licenses created at or after this instant.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only licenses created before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>The page size, 1 to <see cref="LicenseKitOptions.MaxPageSize"/>; <see langword="null"/> uses <see cref="LicenseKitOptions.DefaultPageSize"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>The <see cref="LicensePage.NextCursor"/> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? Cursor { get; init; }
}
