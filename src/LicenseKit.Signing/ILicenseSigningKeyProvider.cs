namespace LicenseKit;

/// <summary>
/// Supplies the key that signs license tokens. The default reads <see cref="SignedLicenseOptions.SigningKeyPem"/>;
/// replace it to load the key from a vault or HSM-backed store, or to rotate keys without a restart.
/// </summary>
public interface ILicenseSigningKeyProvider
{
    /// <summary>
    /// Returns the current signing key. Called for every token, so cache the key: parsing a PEM each time would dominate
    /// the cost of signing.
    /// </summary>
    /// <returns>The key, with its key id.</returns>
    LicenseSigningKey GetSigningKey();
}
