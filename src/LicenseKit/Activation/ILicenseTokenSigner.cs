namespace LicenseKit;

/// <summary>
/// Turns a license snapshot into a signed token a client can verify offline. LicenseKit ships no implementation in the
/// core; the <c>LicenseKit.Signing</c> package registers one when the host opts in, and activations then carry the
/// token in <see cref="LicenseActivationResponse.SignedLicense"/>.
/// </summary>
public interface ILicenseTokenSigner
{
    /// <summary>
    /// Signs a snapshot of <paramref name="license"/>, bound to <paramref name="instance"/> when given. Asynchronous because
    /// the signing key may come from a vault. An activation signs before it writes the instance, and a heartbeat before it
    /// renews the lease, so a failure here leaves nothing written; only when a concurrent change makes it sign again after
    /// the write does a failure not throw but set <see cref="LicenseActivationResponse.SignedLicenseUnavailable"/> or
    /// <see cref="LicenseHeartbeatResponse.SignedLicenseUnavailable"/>.
    /// </summary>
    /// <param name="license">
    /// The license as it is now, except that <see cref="License.Entitlements"/> holds everything it grants (its product's
    /// and its own), since an offline verifier cannot look up the product's policy.
    /// </param>
    /// <param name="instance">The activated instance to bind the token to, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels fetching the key.</param>
    /// <returns>The token.</returns>
    ValueTask<string> SignAsync(License license, LicenseInstance? instance, CancellationToken cancellationToken = default);
}
