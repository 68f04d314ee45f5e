namespace LicenseKit.Stores;

/// <summary>A position in the newest-first license order: the last license of the previous page.</summary>
/// <param name="CreatedAt">That license's creation time.</param>
/// <param name="Id">That license's id.</param>
public readonly record struct LicenseKeysetPosition(DateTimeOffset CreatedAt, string Id);
