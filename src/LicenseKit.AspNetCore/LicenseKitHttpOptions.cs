namespace LicenseKit;

/// <summary>
/// Options of the LicenseKit HTTP endpoints. Set them with <c>AddLicenseKit().ConfigureHttp(o =&gt; …)</c> or
/// <c>services.Configure&lt;LicenseKitHttpOptions&gt;(…)</c>.
/// </summary>
public sealed class LicenseKitHttpOptions
{
    /// <summary>
    /// Whether the key-holder endpoints (activate, deactivate, validate) show the license's <c>payment_id</c>,
    /// <c>customer_id</c> and <c>metadata</c>. Default <see langword="false"/>: whoever holds a key (or guesses one) sees
    /// only what an installed application needs (status, limits, expiry, activation message), never the vendor's
    /// payment and customer records. The management endpoints always show the whole license.
    /// </summary>
    public bool DiscloseCustomerDataToKeyHolders { get; set; }
}
