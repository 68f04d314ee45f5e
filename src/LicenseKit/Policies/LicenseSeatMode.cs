namespace LicenseKit;

/// <summary>How an activation holds one of a license's seats (<see cref="License.ActivationsLimit"/>).</summary>
public enum LicenseSeatMode
{
    /// <summary>An activation holds its seat until it is deactivated, as without a policy.</summary>
    NodeLocked = 0,

    /// <summary>
    /// An activation holds its seat for a lease (<see cref="LicensePolicy.LeaseDuration"/>) that heartbeats renew; a
    /// lapsed lease stops counting against the limit, so a crashed machine frees its seat by itself.
    /// </summary>
    Floating = 1,
}
