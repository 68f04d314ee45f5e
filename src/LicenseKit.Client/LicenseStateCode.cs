namespace LicenseKit.Client;

/// <summary>
/// Where this machine's license stands, and why. <see cref="Licensed"/> and <see cref="LicensedOffline"/> mean the app
/// may run; every other code says why not, so the app can show it or act on it without catching an exception.
/// </summary>
public enum LicenseStateCode
{
    /// <summary>No license is stored on this machine: activate a key.</summary>
    NotActivated = 0,

    /// <summary>The stored signed license is valid for this machine.</summary>
    Licensed = 1,

    /// <summary>
    /// The stored license is valid, but the last attempt to refresh it could not reach the server. The app stays licensed
    /// until <see cref="LicenseState.ValidUntil"/> (the token's own expiry: the offline grace).
    /// </summary>
    LicensedOffline = 2,

    /// <summary>The stored token's offline lifetime has run out without a refresh: connect to the server once to renew it.</summary>
    OfflineGraceEnded = 3,

    /// <summary>The license already has as many activations as it allows: deactivate another machine first.</summary>
    ActivationLimitReached = 4,

    /// <summary>The server revoked the license; the stored token was removed.</summary>
    Revoked = 5,

    /// <summary>The server disabled the license; the stored token was removed (activate again once it is re-enabled).</summary>
    Disabled = 6,

    /// <summary>The license has expired.</summary>
    Expired = 7,

    /// <summary>The server archived the license; the stored token was removed.</summary>
    Archived = 8,

    /// <summary>The server does not know the license key; a stored token for it was removed.</summary>
    NotFound = 9,

    /// <summary>The server no longer knows this machine's activation (it was deactivated elsewhere); the stored token was removed.</summary>
    Deactivated = 10,

    /// <summary>The stored token was activated on another machine (it was copied here).</summary>
    WrongMachine = 11,

    /// <summary>The clock is earlier than the last successful check (or the token's signing time) by more than the allowed skew.</summary>
    ClockSetBack = 12,

    /// <summary>The stored license file is damaged, altered, truncated or signed with a key this app does not trust.</summary>
    TokenInvalid = 13,

    /// <summary>
    /// The server could not be reached (network down, timeouts, 5xx, 429), or recorded an activation it could not sign
    /// just then, and there is no valid stored license to fall back on. Try again later.
    /// </summary>
    ServerUnreachable = 14,

    /// <summary>The server refused the request for another reason (authentication, a bad request, an answer without a signed license).</summary>
    Rejected = 15,

    /// <summary>This machine's fingerprint could not be determined (no OS machine id to read).</summary>
    FingerprintUnavailable = 16,
}
