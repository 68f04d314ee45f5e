namespace LicenseKit.Internal;

/// <summary>The one home of how a license's entitlements are held and what it grants in the end.</summary>
internal static class EffectiveEntitlements
{
    /// <summary>A license's own entitlements as it holds them: <see langword="null"/> for none, so its wire format stays as without entitlements.</summary>
    public static LicenseEntitlements? OwnOf(IReadOnlyList<string>? names) =>
        names is null or { Count: 0 } ? null : new LicenseEntitlements(names);

    /// <summary>What <paramref name="license"/> grants: its product's entitlements and its own together.</summary>
    public static LicenseEntitlements Of(License license, LicensePolicy? policy)
    {
        var product = policy?.Entitlements ?? LicenseEntitlements.Empty;
        return license.Entitlements is { Count: > 0 } own ? product.Union(own) : product;
    }

    /// <summary>Whether <paramref name="granted"/> holds every name of <paramref name="required"/> (none required: yes).</summary>
    public static bool GrantsAll(LicenseEntitlements granted, IReadOnlyList<string>? required) =>
        required is null || required.All(name => name is not null && granted.Contains(name));

    /// <summary>
    /// The license a token signer sees: it carries what the license grants (product's and own), since an offline verifier
    /// cannot ask for the product's policy.
    /// </summary>
    public static License ForToken(License license, LicenseEntitlements granted) =>
        granted.Count == 0 ? license with { Entitlements = null } : license with { Entitlements = granted };
}
