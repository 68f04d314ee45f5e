namespace LicenseKit;

/// <summary>
/// The claims of a signed license token: a snapshot of the license when the token was signed. Only returned once the
/// signature has been verified, so every value here was written by the holder of the signing key.
/// </summary>
public sealed record LicenseTokenClaims
{
    /// <summary>The payload format version (<c>v</c>), 1 for <c>LK1</c> tokens.</summary>
    public required int Version { get; init; }

    /// <summary>The signature algorithm (<c>alg</c>), e.g. <c>ES256</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The id of the key that signed the token (<c>kid</c>).</summary>
    public required string KeyId { get; init; }

    /// <summary>The license id (<c>license_id</c>), e.g. <c>lic_hyQQhhNzfEuvv</c>.</summary>
    public required string LicenseId { get; init; }

    /// <summary>The license key (<c>key</c>), so the client can refresh the token online when it expires.</summary>
    public required string Key { get; init; }

    /// <summary>The business that issued the license (<c>business_id</c>).</summary>
    public required string BusinessId { get; init; }

    /// <summary>The product the license is for (<c>product_id</c>).</summary>
    public required string ProductId { get; init; }

    /// <summary>
    /// The customer who owns the license (<c>customer_id</c>); <see langword="null"/> unless the server discloses customer
    /// data to key holders (<c>LicenseKitOptions.DiscloseCustomerDataToKeyHolders</c>), which it does not by default.
    /// </summary>
    public string? CustomerId { get; init; }

    /// <summary>
    /// The payment that led to the license (<c>payment_id</c>); <see langword="null"/> when there was none or the server
    /// does not disclose customer data to key holders (the default).
    /// </summary>
    public string? PaymentId { get; init; }

    /// <summary>The license status when signed (<c>status</c>): <c>ACTIVE</c>, <c>DISABLED</c> or <c>REVOKED</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The maximum number of activations (<c>activations_limit</c>); <see langword="null"/> means unlimited.</summary>
    public int? ActivationsLimit { get; init; }

    /// <summary>When the license expires (<c>expires_at</c>); <see langword="null"/> means never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the token was signed (<c>issued_at</c>).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The token is not valid before this instant (<c>not_before</c>).</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>After this instant (<c>token_expires_at</c>) the client should refresh the token online.</summary>
    public required DateTimeOffset TokenExpiresAt { get; init; }

    /// <summary>The activation instance the token is bound to (<c>instance_id</c>), or <see langword="null"/>.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The device fingerprint the token is bound to (<c>fingerprint</c>), or <see langword="null"/>.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// The license metadata (<c>metadata</c>); empty when the license has none or the server does not disclose customer
    /// data to key holders (the default: metadata may hold the vendor's records about the customer).
    /// </summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>
    /// The entitlements the license grants (<c>entitlements</c>), its product's and its own together, in ordinal order;
    /// empty when it grants none.
    /// </summary>
    public IReadOnlyList<string> Entitlements { get; init; } = [];

    /// <summary>Whether the license grants <paramref name="name"/> (ordinal comparison), e.g. to unlock a feature offline.</summary>
    /// <param name="name">The entitlement name, e.g. <c>export-pdf</c>.</param>
    /// <returns><see langword="true"/> when <see cref="Entitlements"/> holds the name.</returns>
    public bool HasEntitlement(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var entitlement in Entitlements)
        {
            if (string.Equals(entitlement, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <see cref="Status"/> is <c>ACTIVE</c>.</summary>
    public bool IsActive => string.Equals(Status, "ACTIVE", StringComparison.Ordinal);
}
