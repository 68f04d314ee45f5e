namespace LicenseKit;

/// <summary>The options of LicenseKit, bound with <c>services.AddLicenseKit(o =&gt; …)</c> and validated at startup.</summary>
public sealed class LicenseKitOptions
{
    /// <summary>
    /// The business every license belongs to when the host does not register its own
    /// <see cref="ILicenseBusinessResolver"/> (single-tenant hosts). Multi-tenant hosts leave it unset and resolve the
    /// business per request instead.
    /// </summary>
    public string? BusinessId { get; set; }

    /// <summary>The format of generated keys.</summary>
    public LicenseKeyFormat KeyFormat { get; set; } = new();

    /// <summary>
    /// The shortest custom key (<see cref="IssueLicenseRequest.Key"/>) accepted, counted after normalization
    /// (<see cref="LicenseKeyNormalizer"/>). Default 12, so an order number such as <c>ORDER-1042</c> cannot become a key
    /// anyone holding the app's publishable key could guess; between 1 and <see cref="LicenseLimits.MaxKeyLength"/>.
    /// Generated keys are not affected: their strength comes from <see cref="KeyFormat"/>.
    /// </summary>
    public int MinCustomKeyLength { get; set; } = 12;

    /// <summary>
    /// Whether a key holder is shown the license's <c>payment_id</c>, <c>customer_id</c> and <c>metadata</c>: in the answers
    /// of the key-holder endpoints (activate, validate, deactivate) and in the signed tokens they return. Default
    /// <see langword="false"/>: whoever holds a key (or guesses one) gets only what an installed application needs (status,
    /// limits, expiry, activation message), never the vendor's payment and customer records. The management endpoints
    /// and the results of <see cref="ILicenseActivator"/> in the host's own code always carry the whole license.
    /// </summary>
    public bool DiscloseCustomerDataToKeyHolders { get; set; }

    /// <summary>How many times a generated key (or id) that collides is regenerated before issuing fails. Default 8.</summary>
    public int MaxKeyGenerationAttempts { get; set; } = 8;

    /// <summary>The page size of a list when the caller gives none. Default 20.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest page size a caller may ask for. Default 100.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// The policy of each product, keyed by product id (configuration: <c>LicenseKit:Products:{product_id}:…</c>), read by
    /// the default <see cref="ILicensePolicyProvider"/>. A product not listed has no policy.
    /// </summary>
    public IDictionary<string, LicensePolicyOptions> Products { get; set; } = new Dictionary<string, LicensePolicyOptions>(StringComparer.Ordinal);
}
