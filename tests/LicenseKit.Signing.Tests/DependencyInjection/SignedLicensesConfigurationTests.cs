using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests.DependencyInjection;

public class SignedLicensesConfigurationTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Test]
    public async Task AddSignedLicenses_FromAConfigurationSection_SignsActivations()
    {
        var configuration = Configuration(
            ("Signing:KeyId", Keys.KeyId),
            ("Signing:SigningKeyPem", Keys.PrivateKeyPem),
            ("Signing:TokenLifetime", "1.00:00:00"));
        await using var provider = Build(b => b.AddSignedLicenses(configuration.GetSection("Signing")));

        var token = await ActivateAsync(provider);

        provider.GetRequiredService<LicenseTokenSigner>().TokenLifetime.Should().Be(TimeSpan.FromDays(1));
        Verify(token).Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public async Task AddSignedLicenses_WithoutADelegate_UsesOptionsTheHostBoundElsewhere()
    {
        await using var provider = Build(
            b => b.AddSignedLicenses(),
            services =>
            {
                services.AddSingleton(Configuration(("LicenseKit:Signing:KeyId", Keys.KeyId), ("LicenseKit:Signing:SigningKeyPem", Keys.PrivateKeyPem)));
                services.AddOptions<SignedLicenseOptions>().BindConfiguration("LicenseKit:Signing");
            });

        var token = await ActivateAsync(provider);

        Verify(token).Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public async Task AddSignedLicenses_WithoutADelegateOrConfiguration_StopsTheHostAtStartup()
    {
        await using var provider = Build(b => b.AddSignedLicenses());

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.StartsWith("SignedLicenseOptions.SigningKeyPem is required", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Action<LicenseKitBuilder> signing, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        signing(collection.AddLicenseKit(o => o.BusinessId = "biz_1").UseTimeProvider(new FakeTimeProvider(Licenses.Now)));
        services?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    private static async Task<string?> ActivateAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        var activation = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value!.Key, Name = "laptop" });
        return activation.Value!.SignedLicense;
    }

    private static LicenseTokenCode Verify(string? token)
    {
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));
        return verifier.Verify(token).Code;
    }
}
