namespace LicenseKit.Client.Internal;

/// <summary>Turns a token verification into the state the app sees: the one mapping from <see cref="LicenseTokenCode"/> to <see cref="LicenseStateCode"/>.</summary>
internal static class LicenseStates
{
    public static LicenseState FromVerification(LicenseTokenVerificationResult result, bool offline)
    {
        var claims = result.Claims;
        return result.Code switch
        {
            LicenseTokenCode.Valid => new LicenseState
            {
                Code = offline ? LicenseStateCode.LicensedOffline : LicenseStateCode.Licensed,
                Claims = claims,
                ValidUntil = claims!.ExpiresAt is { } expiresAt && expiresAt < claims.TokenExpiresAt ? expiresAt : claims.TokenExpiresAt,
            },
            LicenseTokenCode.LicenseNotActive => new LicenseState
            {
                Code = claims!.Status == "REVOKED" ? LicenseStateCode.Revoked : LicenseStateCode.Disabled,
                Claims = claims,
            },
            LicenseTokenCode.LicenseExpired => new LicenseState { Code = LicenseStateCode.Expired, Claims = claims, ValidUntil = claims!.ExpiresAt },
            LicenseTokenCode.TokenExpired => new LicenseState
            {
                Code = LicenseStateCode.OfflineGraceEnded,
                Claims = claims,
                ValidUntil = claims!.TokenExpiresAt,
                Message = "The license was last confirmed by the server too long ago: connect once to renew it.",
            },
            LicenseTokenCode.NotYetValid => new LicenseState
            {
                Code = LicenseStateCode.ClockSetBack,
                Claims = claims,
                Message = $"The clock is earlier than the license's signing time ({claims!.IssuedAt:O}).",
            },
            LicenseTokenCode.FingerprintMismatch => new LicenseState
            {
                Code = LicenseStateCode.WrongMachine,
                Claims = claims,
                Message = "The stored license was activated on another machine.",
            },
            _ => new LicenseState { Code = LicenseStateCode.TokenInvalid, Message = $"The stored license cannot be trusted ({result.Code})." },
        };
    }
}
