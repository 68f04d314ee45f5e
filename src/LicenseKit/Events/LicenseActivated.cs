namespace LicenseKit;

/// <summary>A new instance was activated. Not raised when an existing fingerprint is re-activated (nothing was written).</summary>
public sealed record LicenseActivated : LicenseEvent
{
    /// <summary>The license after the activation.</summary>
    public required License License { get; init; }

    /// <summary>The new instance.</summary>
    public required LicenseInstance Instance { get; init; }
}
