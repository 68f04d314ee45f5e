namespace LicenseKit;

/// <summary>
/// Resolves the <see cref="LicensePolicy"/> of a product. The default reads the host's configuration
/// (<c>LicenseKit:Products:{product_id}</c>); a host that keeps its products elsewhere (a database, a catalogue
/// service) registers its own. Called on issue, activation and validation, so an implementation should answer from
/// memory or a cache.
/// </summary>
public interface ILicensePolicyProvider
{
    /// <summary>Returns the policy of a product of a business.</summary>
    /// <param name="businessId">The business (tenant) the product belongs to.</param>
    /// <param name="productId">The host's product identifier.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The policy, or <see langword="null"/> when the product has none: its licenses behave as without policies.</returns>
    ValueTask<LicensePolicy?> GetPolicyAsync(string businessId, string productId, CancellationToken cancellationToken = default);
}
