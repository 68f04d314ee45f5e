namespace LicenseKit;

/// <summary>An instance was deactivated and its slot freed.</summary>
public sealed record LicenseDeactivated : LicenseEvent
{
    /// <summary>The license after the deactivation.</summary>
    public required License License { get; init; }

    /// <summary>The deleted instance.</summary>
    public required LicenseInstance Instance { get; init; }
}
