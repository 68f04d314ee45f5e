namespace LicenseKit;

/// <summary>Options of the hosted lease sweeper (<c>AddLeaseSweeper()</c>).</summary>
public sealed class LicenseLeaseSweeperOptions
{
    /// <summary>How often the sweeper looks for lapsed leases. Default 1 minute; at least 1 second.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many lapsed instances one store call lists; a sweep repeats until fewer are left. Default 100, 1 to 10,000.</summary>
    public int BatchSize { get; set; } = 100;
}
