namespace LicenseKit;

/// <summary>A license was issued. Not raised again when an idempotent retry returns the same license.</summary>
public sealed record LicenseIssued : LicenseEvent
{
    /// <summary>The new license.</summary>
    public required License License { get; init; }
}
