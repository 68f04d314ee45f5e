namespace LicenseKit;

/// <summary>Position and filter of <see cref="ILicenseEventLog.ListAsync"/>. Results are oldest first.</summary>
public sealed record LicenseEventQuery
{
    /// <summary>The <see cref="LicenseEventPage.NextCursor"/> of the previous read, or <see langword="null"/> to start at the oldest recorded event.</summary>
    public string? After { get; init; }

    /// <summary>The most events to return, 1 to <see cref="LicenseKitOptions.MaxPageSize"/>; <see langword="null"/> uses <see cref="LicenseKitOptions.DefaultPageSize"/>.</summary>
    public int? Limit { get; init; }

    /// <summary>Only events in this state (e.g. <see cref="LicenseEventState.Parked"/>), or all when <see langword="null"/>.</summary>
    public LicenseEventState? State { get; init; }
}
