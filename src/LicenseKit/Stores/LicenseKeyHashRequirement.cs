namespace LicenseKit.Stores;

/// <summary>What a store checks before persisting a license's key: that it arrived hashed.</summary>
public static class LicenseKeyHashRequirement
{
    /// <summary>Returns <see cref="License.KeyHash"/>, or throws when the caller did not hash the key.</summary>
    /// <param name="license">The license to store.</param>
    /// <returns>The key hash.</returns>
    /// <exception cref="ArgumentException">The license has no <see cref="License.KeyHash"/>.</exception>
    public static string Of(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license.KeyHash is { Length: > 0 } hash
            ? hash
            : throw new ArgumentException("License.KeyHash must be set: a store receives keys hashed by ILicenseKeyHasher, never in plaintext.", nameof(license));
    }
}
