namespace LicenseKit;

/// <summary>Where a recorded <see cref="LicenseEventRecord"/> stands in its delivery to the event handlers.</summary>
public enum LicenseEventState
{
    /// <summary>Recorded and not yet delivered: due at <see cref="LicenseEventRecord.NextAttemptAt"/>.</summary>
    Pending = 0,

    /// <summary>Every handler took it; pruned after the retention.</summary>
    Delivered = 1,

    /// <summary>Set aside after the last allowed attempt failed, with <see cref="LicenseEventRecord.LastError"/>; re-drive it to try again.</summary>
    Parked = 2,
}
