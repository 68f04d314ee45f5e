namespace LicenseKit;

/// <summary>One page of licenses.</summary>
public sealed record LicensePage
{
    /// <summary>The licenses, newest first.</summary>
    public required IReadOnlyList<License> Items { get; init; }

    /// <summary>The cursor of the next page, or <see langword="null"/> when this is the last page.</summary>
    public string? NextCursor { get; init; }
}
