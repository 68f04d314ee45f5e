namespace LicenseKit;

/// <summary>
/// The policy of one product as configuration holds it, under <c>LicenseKit:Products:{product_id}</c> (or
/// <c>o.Products["prod_…"]</c> in code). Every value is validated at startup: a bad one stops the host with a message
/// naming the product and the field. <see cref="ConfiguredLicensePolicyProvider"/> turns it into a
/// <see cref="LicensePolicy"/>.
/// </summary>
public sealed class LicensePolicyOptions
{
    /// <summary>The default activations limit of new licenses, 0 to <see cref="LicenseLimits.MaxActivationsLimit"/>; <see langword="null"/> for none.</summary>
    public int? ActivationsLimit { get; set; }

    /// <summary>The default validity in hours of new licenses, 1 to <see cref="LicenseLimits.MaxDurationHours"/>; <see langword="null"/> for none.</summary>
    public int? DurationHours { get; set; }

    /// <summary>When the validity period starts: <c>FromCreation</c> (default) or <c>FromFirstActivation</c>.</summary>
    public LicenseExpirationBasis ExpirationBasis { get; set; }

    /// <summary>How activations hold seats: <c>NodeLocked</c> (default) or <c>Floating</c>, which needs <see cref="LeaseDuration"/>.</summary>
    public LicenseSeatMode SeatMode { get; set; }

    /// <summary>The lease of a floating activation, e.g. <c>00:15:00</c>; required and positive when <see cref="SeatMode"/> is <c>Floating</c>.</summary>
    public TimeSpan? LeaseDuration { get; set; }

    /// <summary>
    /// The entitlements the product grants, at most <see cref="LicenseLimits.MaxEntitlements"/> names that each satisfy
    /// <see cref="LicenseEntitlements.IsValidName(string?)"/>.
    /// </summary>
    public IList<string> Entitlements { get; set; } = [];

    /// <summary>Returns the policy these options describe (without validating them).</summary>
    /// <returns>The policy.</returns>
    public LicensePolicy ToPolicy() => new()
    {
        ActivationsLimit = ActivationsLimit,
        DurationHours = DurationHours,
        ExpirationBasis = ExpirationBasis,
        SeatMode = SeatMode,
        LeaseDuration = LeaseDuration,
        Entitlements = Entitlements is null or { Count: 0 } ? LicenseEntitlements.Empty : new LicenseEntitlements(Entitlements.Where(n => n is not null)),
    };
}
