namespace LicenseKit;

/// <summary>
/// The rules a vendor sets once per product instead of on every call: defaults for new licenses, when their validity
/// starts, how activations hold seats, and the features (entitlements) the product grants. Resolved per business and
/// product by an <see cref="ILicensePolicyProvider"/>; a product without a policy behaves as if none of this existed.
/// </summary>
public sealed record LicensePolicy
{
    /// <summary>
    /// The <see cref="License.ActivationsLimit"/> given to a new license whose create request omits it;
    /// <see langword="null"/> keeps the request's value (unlimited when it omits it too).
    /// </summary>
    public int? ActivationsLimit { get; init; }

    /// <summary>
    /// The <see cref="License.DurationHours"/> given to a new license whose create request omits it;
    /// <see langword="null"/> keeps the request's value (no expiry when it omits it too).
    /// </summary>
    public int? DurationHours { get; init; }

    /// <summary>When the validity period starts. Default <see cref="LicenseExpirationBasis.FromCreation"/>.</summary>
    public LicenseExpirationBasis ExpirationBasis { get; init; }

    /// <summary>How activations hold seats. Default <see cref="LicenseSeatMode.NodeLocked"/>.</summary>
    public LicenseSeatMode SeatMode { get; init; }

    /// <summary>
    /// How long a floating activation holds its seat without a heartbeat. Required (and positive) when
    /// <see cref="SeatMode"/> is <see cref="LicenseSeatMode.Floating"/>; unused otherwise.
    /// </summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>The named features every license of the product grants. Empty by default.</summary>
    public LicenseEntitlements Entitlements { get; init; } = LicenseEntitlements.Empty;
}
