namespace LicenseKit;

/// <summary>An instance was deactivated and its slot freed, by a caller or because its lease lapsed (<see cref="Reason"/>).</summary>
public sealed record LicenseDeactivated : LicenseEvent
{
    /// <summary>The license after the deactivation.</summary>
    public required License License { get; init; }

    /// <summary>The deleted instance.</summary>
    public required LicenseInstance Instance { get; init; }

    /// <summary>Why it was deactivated. Default <see cref="LicenseDeactivationReason.Requested"/>.</summary>
    public LicenseDeactivationReason Reason { get; init; }
}
