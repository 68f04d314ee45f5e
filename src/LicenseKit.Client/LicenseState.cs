namespace LicenseKit.Client;

/// <summary>
/// The one answer every <see cref="LicenseClient"/> call gives: whether the app is licensed, why (<see cref="Code"/>),
/// until when, and the license's signed claims when known. Expected outcomes are states, never exceptions.
/// </summary>
public sealed record LicenseState
{
    /// <summary>Where the license stands and why.</summary>
    public required LicenseStateCode Code { get; init; }

    /// <summary>Whether the app may run: <see cref="Code"/> is <see cref="LicenseStateCode.Licensed"/> or <see cref="LicenseStateCode.LicensedOffline"/>.</summary>
    public bool IsLicensed => Code is LicenseStateCode.Licensed or LicenseStateCode.LicensedOffline;

    /// <summary>
    /// The signed license's claims (product, customer, expiry, metadata) when a token with a good signature is known, also
    /// for an expired one or one bound to another machine; <see langword="null"/> otherwise.
    /// </summary>
    public LicenseTokenClaims? Claims { get; init; }

    /// <summary>
    /// While licensed: the instant the stored token stops working without a refresh (the earlier of the token's and the
    /// license's expiry). For <see cref="LicenseStateCode.OfflineGraceEnded"/> and <see cref="LicenseStateCode.Expired"/>: when it ended.
    /// </summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The server's code when the server decided (e.g. <c>LICENSE_KEY_LIMIT_REACHED</c>, <c>REVOKED</c>); otherwise <see langword="null"/>.</summary>
    public string? ServerCode { get; init; }

    /// <summary>A message to show or log: the license's activation message after an activation, or the server's or network's explanation of a failure.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// Whether the app may use the feature <paramref name="name"/>: it is licensed (<see cref="IsLicensed"/>) and the
    /// signed license grants the entitlement (its product's or its own). Checked offline against the verified token.
    /// </summary>
    /// <param name="name">The entitlement name, e.g. <c>export-pdf</c>.</param>
    /// <returns><see langword="true"/> when licensed and the entitlement is granted.</returns>
    public bool HasEntitlement(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsLicensed && Claims?.HasEntitlement(name) == true;
    }

    /// <inheritdoc />
    public override string ToString() => ValidUntil is { } until ? $"{Code} (until {until:O})" : Code.ToString();
}
