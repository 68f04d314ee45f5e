using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests.DependencyInjection;

public class SignedLicensesLicenseKitBuilderExtensionsTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");

    private static ServiceProvider CreateProvider(Action<SignedLicenseOptions> configure, FakeTimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1")
            .UseTimeProvider(time ?? new FakeTimeProvider(Licenses.Now))
            .AddSignedLicenses(configure);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static void UseTestKey(SignedLicenseOptions o)
    {
        o.SigningKeyPem = Keys.PrivateKeyPem;
        o.KeyId = Keys.KeyId;
        o.TokenLifetime = TimeSpan.FromDays(7);
    }

    [Test]
    public async Task ActivateAsync_WithSignedLicenses_ReturnsATokenTheStandaloneVerifierAccepts()
    {
        var time = new FakeTimeProvider(Licenses.Now);
        await using var provider = CreateProvider(UseTestKey, time);
        provider.GetRequiredService<IStartupValidator>().Validate();
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest
        {
            ProductId = "prod_1",
            CustomerId = "cust_1",
            ActivationsLimit = 2,
            DurationHours = 720,
            Metadata = new Dictionary<string, string> { ["tier"] = "pro" },
        });

        var activation = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(new ActivateLicenseRequest
        {
            LicenseKey = issued.Value!.Key,
            Name = "laptop",
            Fingerprint = "fp-123",
        });

        activation.Succeeded.Should().BeTrue(activation.ToString());
        var response = activation.Value!;
        response.SignedLicense.Should().StartWith("LK1.");
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, "2026-01", time);
        var result = verifier.Verify(response.SignedLicense, fingerprint: "fp-123");
        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.LicenseId.Should().Be(response.License.Id);
        result.Claims.Key.Should().Be(response.License.Key);
        result.Claims.BusinessId.Should().Be("biz_1");
        result.Claims.InstanceId.Should().Be(response.Instance.Id);
        result.Claims.ExpiresAt.Should().Be(response.License.ExpiresAt);
        result.Claims.TokenExpiresAt.Should().Be(Licenses.Now.AddDays(7));
        result.Claims.Metadata.Should().BeEmpty("a key holder is shown no metadata unless the host discloses customer data");
        result.Claims.CustomerId.Should().BeNull();
        verifier.Verify(response.SignedLicense, fingerprint: "fp-other").Code.Should().Be(LicenseTokenCode.FingerprintMismatch);
    }

    [Test]
    public async Task ActivateAsync_WithoutSignedLicenses_ReturnsNoToken()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1");
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });

        var activation = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value!.Key, Name = "laptop" });

        activation.Value!.SignedLicense.Should().BeNull();
    }

    [Test]
    public async Task LicenseTokenSigner_IsResolvable_ForSigningRightAfterIssuing()
    {
        await using var provider = CreateProvider(UseTestKey);
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });

        var signer = provider.GetRequiredService<LicenseTokenSigner>();
        var token = signer.Sign(issued.Value!, instance: null);

        provider.GetRequiredService<ILicenseTokenSigner>().Should().BeSameAs(signer);
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, "2026-01", new FakeTimeProvider(Licenses.Now));
        verifier.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public async Task AddSignedLicenses_CalledTwice_RegistersOneSigner()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1").AddSignedLicenses(UseTestKey).AddSignedLicenses(o => o.TokenLifetime = TimeSpan.FromDays(1));
        await using var provider = services.BuildServiceProvider();

        provider.GetServices<ILicenseTokenSigner>().Should().ContainSingle();
        provider.GetRequiredService<LicenseTokenSigner>().TokenLifetime.Should().Be(TimeSpan.FromDays(1));
    }

    [Test]
    public async Task Startup_WithoutAKey_FailsWithAClearMessage()
    {
        await using var provider = CreateProvider(o => o.KeyId = "2026-01");

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Be(
            "SignedLicenseOptions.SigningKeyPem is required: set it to an ECDSA P-256 private key in PEM ('-----BEGIN PRIVATE KEY-----'), or register an ILicenseSigningKeyProvider. LicenseKit never generates a signing key for you.");
    }

    [Test]
    public async Task Startup_WithoutAKeyId_FailsWithAClearMessage()
    {
        await using var provider = CreateProvider(o => o.SigningKeyPem = Keys.PrivateKeyPem);

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().StartWith("SignedLicenseOptions.KeyId is required");
    }

    [Test]
    public async Task Startup_WithANonP256Key_SaysP256IsRequired()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        await using var provider = CreateProvider(o =>
        {
            o.SigningKeyPem = p384.ExportPkcs8PrivateKeyPem();
            o.KeyId = "2026-01";
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Match(
            "SignedLicenseOptions.SigningKeyPem is invalid: The signing key must be an ECDSA P-256 (prime256v1 / secp256r1) key; this one is on curve '*' (384 bits).");
    }

    [Test]
    public async Task Startup_WithGarbageKey_SaysItIsNotPem()
    {
        await using var provider = CreateProvider(o =>
        {
            o.SigningKeyPem = "not a key";
            o.KeyId = "2026-01";
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Be(
            "SignedLicenseOptions.SigningKeyPem is invalid: The signing key is not PEM text (expected '-----BEGIN PRIVATE KEY-----').");
    }

    [Test]
    public async Task Startup_WithPublicKeyInsteadOfPrivate_SaysSo()
    {
        await using var provider = CreateProvider(o =>
        {
            o.SigningKeyPem = Keys.PublicKeyPem;
            o.KeyId = "2026-01";
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*The signing key is a public key; the server needs the private key*");
    }

    [TestCase(0)]
    [TestCase(-1)]
    public async Task Startup_WithNonPositiveTokenLifetime_Fails(int days)
    {
        await using var provider = CreateProvider(o =>
        {
            UseTestKey(o);
            o.TokenLifetime = TimeSpan.FromDays(days);
        });

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("*SignedLicenseOptions.TokenLifetime must be between 1 minute and 3650 days*");
    }

    [Test]
    public async Task Startup_WithAValidKey_Passes()
    {
        await using var provider = CreateProvider(UseTestKey);

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().NotThrow();
    }

    [Test]
    public async Task AddSignedLicenses_WithCustomKeyProvider_NeedsNoKeyOptions_AndSignsWithItsKey()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1")
            .UseTimeProvider(new FakeTimeProvider(Licenses.Now))
            .AddSignedLicenses<RotatingTestKeyProvider>(o => o.TokenLifetime = TimeSpan.FromHours(12));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var token = provider.GetRequiredService<ILicenseTokenSigner>().Sign(Licenses.Create(), null);

        using var verifier = new LicenseTokenVerifier(RotatingTestKeyProvider.Keys.PublicKeyPem, "vault-7", new FakeTimeProvider(Licenses.Now));
        var result = verifier.Verify(token);
        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.TokenExpiresAt.Should().Be(Licenses.Now.AddHours(12));
    }

    private sealed class RotatingTestKeyProvider : ILicenseSigningKeyProvider, IDisposable
    {
        public static readonly TestKeys Keys = TestKeys.Create("vault-7");

        private readonly LicenseSigningKey _key = Keys.SigningKey();

        public ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_key);

        public void Dispose() => _key.Dispose();
    }
}
