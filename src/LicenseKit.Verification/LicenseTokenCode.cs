namespace LicenseKit;

/// <summary>
/// The outcome of verifying a signed license token. Checks run in the order of the members below and the first failure
/// wins, so a token that is both tampered with and expired reports <see cref="BadSignature"/>.
/// </summary>
public enum LicenseTokenCode
{
    /// <summary>The signature is good and every check passed.</summary>
    Valid = 0,

    /// <summary>The input is not a token: empty, too long, wrong number of segments, bad base64url or bad JSON.</summary>
    Malformed = 1,

    /// <summary>The token has a format version (prefix or <c>v</c> claim) this verifier does not know, e.g. from a newer server.</summary>
    UnsupportedVersion = 2,

    /// <summary>The token's <c>alg</c> is not one this verifier supports.</summary>
    UnsupportedAlgorithm = 3,

    /// <summary>The token names a key id (<c>kid</c>) the verifier has no public key for, e.g. a retired key.</summary>
    UnknownKey = 4,

    /// <summary>The signature does not match the token: it was altered, or signed with another key.</summary>
    BadSignature = 5,

    /// <summary>The license is not <c>ACTIVE</c> (it was disabled or revoked when the token was signed).</summary>
    LicenseNotActive = 6,

    /// <summary>The token's <c>not_before</c> is still in the future (beyond the clock-skew tolerance).</summary>
    NotYetValid = 7,

    /// <summary>The license itself has expired (<c>expires_at</c> has passed).</summary>
    LicenseExpired = 8,

    /// <summary>The token's lifetime (<c>token_expires_at</c>) has passed; the client should refresh it online.</summary>
    TokenExpired = 9,

    /// <summary>A fingerprint was asked for and the token is not bound to it.</summary>
    FingerprintMismatch = 10,

    /// <summary>Entitlements were required and the token's license does not grant one of them.</summary>
    EntitlementMissing = 11,
}
