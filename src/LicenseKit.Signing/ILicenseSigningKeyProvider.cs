namespace LicenseKit;

/// <summary>
/// Supplies the key that signs license tokens. The default reads <see cref="SignedLicenseOptions.SigningKeyPem"/>;
/// replace it to load the key from a vault or HSM-backed store, or to rotate keys without a restart.
/// </summary>
public interface ILicenseSigningKeyProvider
{
    /// <summary>
    /// Returns the current signing key. Called for every token, so cache the key (and complete synchronously when it is
    /// cached): fetching it from a vault or parsing a PEM each time would dominate the cost of signing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The key, with its key id.</returns>
    ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default);
}
