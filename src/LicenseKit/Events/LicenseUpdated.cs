namespace LicenseKit;

/// <summary>A license was changed by the host (limit, expiry, message, metadata, archived flag or status).</summary>
public record LicenseUpdated : LicenseEvent
{
    /// <summary>The license before the change.</summary>
    public required License Previous { get; init; }

    /// <summary>The license after the change.</summary>
    public required License License { get; init; }
}
