namespace LicenseKit;

/// <summary>
/// A running client's heartbeat for one instance: renews a floating seat's lease so that it keeps its seat; for a
/// node-locked instance it only confirms the instance is live.
/// </summary>
public sealed record HeartbeatLicenseRequest
{
    /// <summary>The license key (whitespace and case are tolerated).</summary>
    public required string LicenseKey { get; init; }

    /// <summary>The id of the instance whose seat to keep (<c>lki_…</c>).</summary>
    public required string LicenseKeyInstanceId { get; init; }
}
