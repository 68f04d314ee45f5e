namespace LicenseKit;

/// <summary>
/// Turns a license snapshot into a signed token a client can verify offline. LicenseKit ships no implementation in the
/// core; the <c>LicenseKit.Signing</c> package registers one when the host opts in, and activations then carry the
/// token in <see cref="LicenseActivationResponse.SignedLicense"/>.
/// </summary>
public interface ILicenseTokenSigner
{
    /// <summary>Signs a snapshot of <paramref name="license"/>, bound to <paramref name="instance"/> when given.</summary>
    /// <param name="license">The license as it is now.</param>
    /// <param name="instance">The activated instance to bind the token to, or <see langword="null"/>.</param>
    /// <returns>The token.</returns>
    string Sign(License license, LicenseInstance? instance);
}
