using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests;

/// <summary>A wrong option is a programming error: the client refuses it at construction, naming the option.</summary>
public sealed class LicenseClientOptionsTests
{
    private static readonly string PublicKeyPem = CreatePublicKeyPem();

    [TestCase("ServerUrl", "LicenseClientOptions.ServerUrl is required")]
    [TestCase("RelativeServerUrl", "LicenseClientOptions.ServerUrl is required")]
    [TestCase("ApplicationName", "LicenseClientOptions.ApplicationName is required")]
    [TestCase("PublicKeys", "LicenseClientOptions.PublicKeys needs at least one public key")]
    [TestCase("RefreshAfter", "LicenseClientOptions.RefreshAfter must be between 0.05 and 0.95")]
    [TestCase("RetryInterval", "LicenseClientOptions.RetryInterval and CheckpointInterval must be positive")]
    public void Constructor_MissingOrOutOfRangeOption_ThrowsNamingIt(string option, string message)
    {
        var options = Valid();
        switch (option)
        {
            case "ServerUrl": options.ServerUrl = null; break;
            case "RelativeServerUrl": options.ServerUrl = new Uri("/licenses/", UriKind.Relative); break;
            case "ApplicationName": options.ApplicationName = " "; break;
            case "PublicKeys": options.PublicKeys.Clear(); break;
            case "RefreshAfter": options.RefreshAfter = 1; break;
            default: options.RetryInterval = TimeSpan.Zero; break;
        }

        FluentActions.Invoking(() => new LicenseClient(options)).Should().Throw<ArgumentException>().WithMessage($"{message}*");
    }

    [Test]
    public void Constructor_PrivateKeyInsteadOfPublicKey_IsRefused()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var options = Valid();
        options.PublicKeys["2026-01"] = key.ExportPkcs8PrivateKeyPem();

        FluentActions.Invoking(() => new LicenseClient(options)).Should().Throw<ArgumentException>().WithMessage("*private key*");
    }

    [Test]
    public async Task ServerUrl_WithoutTrailingSlash_ResolvesTheEndpointsUnderIt()
    {
        await using var server = await LicenseServer.StartAsync();
        var license = await server.IssueAsync();
        var options = server.ClientOptions("laptop", new InMemoryLicenseTokenStorage());
        options.ServerUrl = new Uri("http://localhost/licenses");
        using var client = new LicenseClient(options, new HttpClient(server.CreateHandler()));

        var state = await client.ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.Licensed);
    }

    private static string CreatePublicKeyPem()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static LicenseClientOptions Valid()
    {
        var options = new LicenseClientOptions
        {
            ServerUrl = new Uri("https://licenses.example.com/licenses/"),
            ApplicationName = "Acme.Editor",
            Storage = new InMemoryLicenseTokenStorage(),
        };
        options.PublicKeys["2026-01"] = PublicKeyPem;
        return options;
    }
}
