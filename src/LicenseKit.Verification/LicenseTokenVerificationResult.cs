namespace LicenseKit;

/// <summary>The result of <see cref="LicenseTokenVerifier.Verify(string?, string?)"/>: a code and, once the signature is verified, the claims.</summary>
public sealed class LicenseTokenVerificationResult
{
    private static readonly LicenseTokenVerificationResult[] Bare = CreateBare();

    internal LicenseTokenVerificationResult(LicenseTokenCode code, LicenseTokenClaims? claims)
    {
        Code = code;
        Claims = claims;
    }

    /// <summary>Whether the token is valid: <see cref="Code"/> is <see cref="LicenseTokenCode.Valid"/>.</summary>
    public bool IsValid => Code == LicenseTokenCode.Valid;

    /// <summary>Why the token is or is not valid.</summary>
    public LicenseTokenCode Code { get; }

    /// <summary>
    /// The claims when the signature was verified, also for a token that is expired or bound elsewhere (so an app can say
    /// "your license expired on …"); <see langword="null"/> when the token was malformed, its key unknown or its
    /// signature bad. Never trust claims when <see cref="IsValid"/> is <see langword="false"/> without checking <see cref="Code"/>.
    /// </summary>
    public LicenseTokenClaims? Claims { get; }

    /// <inheritdoc />
    public override string ToString() => Claims is null ? Code.ToString() : $"{Code} ({Claims.LicenseId})";

    // Failures before the signature check carry no claims; sharing one instance per code keeps rejecting junk allocation-free.
    internal static LicenseTokenVerificationResult Failure(LicenseTokenCode code) => Bare[(int)code];

    private static LicenseTokenVerificationResult[] CreateBare()
    {
        var codes = Enum.GetValues<LicenseTokenCode>();
        var results = new LicenseTokenVerificationResult[codes.Length];
        foreach (var code in codes)
        {
            results[(int)code] = new LicenseTokenVerificationResult(code, null);
        }

        return results;
    }
}
