namespace LicenseKit;

/// <summary>
/// Encrypts license keys for storage, so the management API can show a license's key again after issuing it. Without
/// one registered (the default) no form of the plaintext is stored: the key is shown once, in the result of the issue,
/// and later reads show <see cref="License.KeyHint"/> only. <c>LicenseKit.AspNetCore</c> supplies one on ASP.NET Core
/// Data Protection (<c>ProtectKeysWithDataProtection()</c>).
/// </summary>
public interface ILicenseKeyProtector
{
    /// <summary>Encrypts a key for storage.</summary>
    /// <param name="key">The key as issued.</param>
    /// <returns>The protected form, safe to store.</returns>
    string Protect(string key);

    /// <summary>Decrypts what <see cref="Protect"/> returned.</summary>
    /// <param name="protectedKey">The stored protected form.</param>
    /// <returns>The key as issued.</returns>
    string Unprotect(string protectedKey);
}
