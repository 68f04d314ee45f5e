namespace LicenseKit;

/// <summary>
/// Options of signed offline licenses, set through <c>AddSignedLicenses(o =&gt; …)</c> and validated at startup.
/// </summary>
public sealed class SignedLicenseOptions
{
    /// <summary>The default <see cref="TokenLifetime"/>: 7 days.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// The ECDSA P-256 private key as unencrypted PEM (PKCS#8 <c>BEGIN PRIVATE KEY</c>, or SEC 1 <c>BEGIN EC PRIVATE KEY</c>).
    /// Required unless a custom <see cref="ILicenseSigningKeyProvider"/> is registered. Load it from your secret store,
    /// never from source control.
    /// </summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>
    /// The key id written into tokens as <c>kid</c>, so clients pick the matching public key, e.g. <c>2026-01</c>.
    /// 1 to 64 characters of <c>A-Z a-z 0-9 . _ -</c>. Required with <see cref="SigningKeyPem"/>.
    /// </summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// How long a token stays valid before the client should refresh it online (<c>token_expires_at</c>); default 7 days,
    /// between 1 minute and 3650 days. Shorter lifetimes make revocation reach offline clients sooner.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    // Set when the host registered its own key provider, so the key options are not required.
    internal bool UsesCustomKeyProvider { get; set; }
}
