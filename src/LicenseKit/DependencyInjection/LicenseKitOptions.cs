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

    /// <summary>How many times a generated key (or id) that collides is regenerated before issuing fails. Default 8.</summary>
    public int MaxKeyGenerationAttempts { get; set; } = 8;

    /// <summary>The page size of a list when the caller gives none. Default 20.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest page size a caller may ask for. Default 100.</summary>
    public int MaxPageSize { get; set; } = 100;
}
