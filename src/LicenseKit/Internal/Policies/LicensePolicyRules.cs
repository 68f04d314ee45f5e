using System.Globalization;

namespace LicenseKit.Internal;

/// <summary>
/// What makes a <see cref="LicensePolicy"/> usable. Configured policies are checked at startup; a custom provider's are
/// checked where they are used, so a bad policy can never reach a license.
/// </summary>
internal static class LicensePolicyRules
{
    /// <summary>Every problem of <paramref name="policy"/>, each as the field it concerns and what is wrong with it.</summary>
    public static IEnumerable<(string Field, string Problem)> Problems(LicensePolicy policy)
    {
        if (policy.ActivationsLimit is < 0 or > LicenseLimits.MaxActivationsLimit)
        {
            yield return (nameof(LicensePolicy.ActivationsLimit), Invariant($"must be between 0 and {LicenseLimits.MaxActivationsLimit}; it is {policy.ActivationsLimit}."));
        }

        if (policy.DurationHours is < 1 or > LicenseLimits.MaxDurationHours)
        {
            yield return (nameof(LicensePolicy.DurationHours), Invariant($"must be between 1 and {LicenseLimits.MaxDurationHours}; it is {policy.DurationHours}."));
        }

        if (!Enum.IsDefined(policy.ExpirationBasis))
        {
            yield return (nameof(LicensePolicy.ExpirationBasis), $"must be {nameof(LicenseExpirationBasis.FromCreation)} or {nameof(LicenseExpirationBasis.FromFirstActivation)}.");
        }

        if (!Enum.IsDefined(policy.SeatMode))
        {
            yield return (nameof(LicensePolicy.SeatMode), $"must be {nameof(LicenseSeatMode.NodeLocked)} or {nameof(LicenseSeatMode.Floating)}.");
        }
        else if (policy.SeatMode == LicenseSeatMode.Floating && policy.LeaseDuration is null)
        {
            yield return (nameof(LicensePolicy.LeaseDuration), "is required when SeatMode is Floating.");
        }

        if (policy.LeaseDuration is { } lease && lease <= TimeSpan.Zero)
        {
            yield return (nameof(LicensePolicy.LeaseDuration), Invariant($"must be positive; it is {lease}."));
        }

        if (policy.Entitlements is null)
        {
            yield return (nameof(LicensePolicy.Entitlements), "must be set (use LicenseEntitlements.Empty for none).");
            yield break;
        }

        if (policy.Entitlements.Count > LicenseLimits.MaxEntitlements)
        {
            yield return (nameof(LicensePolicy.Entitlements), Invariant($"must hold at most {LicenseLimits.MaxEntitlements} names; it holds {policy.Entitlements.Count}."));
        }

        foreach (var name in policy.Entitlements.Where(n => !LicenseEntitlements.IsValidName(n)))
        {
            yield return (nameof(LicensePolicy.Entitlements), Invariant($"holds '{name}', which is not a valid entitlement name: 1 to {LicenseLimits.MaxEntitlementNameLength} ASCII letters, digits, '.', '_', '-' or ':', starting with a letter or digit."));
        }
    }

    /// <summary>The policy of <paramref name="productId"/> when it is usable; throws when a custom provider returned a bad one.</summary>
    /// <exception cref="InvalidOperationException">The policy is not usable: a host configuration error.</exception>
    public static LicensePolicy? EnsureValid(LicensePolicy? policy, string productId)
    {
        if (policy is not null && Problems(policy).FirstOrDefault() is { Field: not null } problem)
        {
            throw new InvalidOperationException($"The policy of product '{productId}' is not usable: {problem.Field} {problem.Problem}");
        }

        return policy;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
