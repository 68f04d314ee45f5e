namespace LicenseKit.Signing.Tests.Support;

/// <summary>Synchronous signing for tests whose keys are in memory, where the key provider completes synchronously.</summary>
internal static class SignerExtensions
{
    public static string Sign(this ILicenseTokenSigner signer, License license, LicenseInstance? instance) =>
        Completed(signer.SignAsync(license, instance));

    public static string Sign(this LicenseTokenSigner signer, License license, LicenseInstance? instance, TimeSpan tokenLifetime) =>
        Completed(signer.SignAsync(license, instance, tokenLifetime));

    private static string Completed(ValueTask<string> pending)
    {
        pending.IsCompletedSuccessfully.Should().BeTrue("an in-memory key signs synchronously");
        return pending.Result;
    }
}
