namespace LicenseKit.Client;

/// <summary>What <see cref="ILicenseTokenStorage"/> keeps: the signed license token and the time of the last successful check.</summary>
/// <param name="Token">The signed license token (<c>LK1.…</c>) as the server sent it.</param>
/// <param name="LastVerifiedAt">
/// The latest clock reading at which the token was found valid, to notice a clock set back across restarts. Not signed:
/// an edited value can hide a clock set back only as far as the token's own signing time, which the signature covers.
/// </param>
public sealed record StoredLicenseToken(string Token, DateTimeOffset LastVerifiedAt);
