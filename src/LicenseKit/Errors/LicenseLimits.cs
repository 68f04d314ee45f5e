namespace LicenseKit;

/// <summary>The documented bounds of every input field. Inputs beyond them are refused with a typed error.</summary>
public static class LicenseLimits
{
    /// <summary>Maximum length of a host identifier (<c>product_id</c>, <c>customer_id</c>, <c>payment_id</c>, license and instance ids).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Maximum length of a license key, custom or generated.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Maximum length of an activation message.</summary>
    public const int MaxActivationMessageLength = 2500;

    /// <summary>Maximum number of metadata entries.</summary>
    public const int MaxMetadataEntries = 50;

    /// <summary>Maximum length of a metadata key.</summary>
    public const int MaxMetadataKeyLength = 40;

    /// <summary>Maximum length of a metadata value.</summary>
    public const int MaxMetadataValueLength = 500;

    /// <summary>Maximum validity: 100 years of 365.25 days, in hours.</summary>
    public const int MaxDurationHours = 876_600;

    /// <summary>Maximum activations limit (a sanity bound; <see langword="null"/> means unlimited).</summary>
    public const int MaxActivationsLimit = 1_000_000;

    /// <summary>Maximum length of an idempotency key.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>Maximum length of an activation instance name.</summary>
    public const int MaxInstanceNameLength = 255;

    /// <summary>Maximum length of a device fingerprint.</summary>
    public const int MaxFingerprintLength = 255;

    /// <summary>Maximum number of entitlements a product policy or a license names.</summary>
    public const int MaxEntitlements = 100;

    /// <summary>Maximum length of an entitlement name (see <see cref="LicenseEntitlements.IsValidName(string?)"/>).</summary>
    public const int MaxEntitlementNameLength = 64;

    /// <summary>The longest last error kept on a recorded event; a longer one is cut.</summary>
    public const int MaxEventErrorLength = 2000;
}
