using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests;

/// <summary>Every license the core's limits allow signs into a token every verifier accepts.</summary>
public class TokenSizeTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");

    // 3 UTF-8 bytes each (CJK), the most a character can take once quotes and control characters are excluded.
    private static string Cjk(int length) => new('漢', length);

    // Supplementary-plane characters: 4 bytes per pair, which a web encoder would escape as 12.
    private static string Emoji(int length) => string.Concat(Enumerable.Repeat("😀", length / 2));

    private static Dictionary<string, string> LargestMetadata(Func<int, string> text) =>
        Enumerable.Range(0, LicenseLimits.MaxMetadataEntries).ToDictionary(
            i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + text(LicenseLimits.MaxMetadataKeyLength - 2),
            _ => text(LicenseLimits.MaxMetadataValueLength));

    [Test]
    public void LargestLicense_SignsIntoAVerifiableTokenWithUnescapedUtf8()
    {
        using var key = Keys.SigningKey();
        var sut = new LicenseTokenSigner(key, TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now)) { DiscloseCustomerData = true };
        var license = Licenses.Create(metadata: LargestMetadata(Cjk)) with
        {
            Id = "lic_" + Cjk(LicenseLimits.MaxIdLength - 4),
            Key = Cjk(LicenseLimits.MaxKeyLength),
            BusinessId = Cjk(LicenseLimits.MaxIdLength),
            ProductId = Cjk(LicenseLimits.MaxIdLength),
            CustomerId = Cjk(LicenseLimits.MaxIdLength),
        };
        var instance = Licenses.Instance(Cjk(LicenseLimits.MaxFingerprintLength)) with { Id = Cjk(LicenseLimits.MaxIdLength) };

        var token = sut.Sign(license, instance);

        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));
        var result = verifier.Verify(token, instance.Fingerprint);
        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.Metadata.Should().Equal(license.Metadata);
        TokenForge.Payload(token).Should().Contain("漢漢漢").And.NotContain("\\u");
    }

    [Test]
    public void LicenseWithSupplementaryCharactersAndJsonSpecials_RoundTrips()
    {
        using var key = Keys.SigningKey();
        var sut = new LicenseTokenSigner(key, TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now)) { DiscloseCustomerData = true };
        var metadata = LargestMetadata(Emoji);
        metadata["00quote"] = "say \"hi\"\\ \r\n\t<script>&'";
        metadata.Remove(metadata.Keys.First());
        var license = Licenses.Create(metadata: metadata);

        var token = sut.Sign(license, null);

        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));
        var result = verifier.Verify(token);
        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.Metadata.Should().Equal(metadata);
        TokenForge.Payload(token).Should().Contain("😀").And.Contain("<script>&'");
    }

    [Test]
    public async Task ActivatingTheLargestLicense_Succeeds_AndTheTokenVerifies()
    {
        // The largest token: the host discloses customer data, so the metadata is in it.
        await using var provider = Host(services => services.Configure<LicenseKitOptions>(o => o.DiscloseCustomerDataToKeyHolders = true));
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
            new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1", Metadata = LargestMetadata(Cjk) });

        var activation = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value!.Key, Name = "laptop", Fingerprint = "fp-1" });
        var validation = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ValidateAsync(new ValidateLicenseRequest { LicenseKey = issued.Value.Key, Fingerprint = "fp-1" });

        activation.Value!.License.InstancesCount.Should().Be(1);
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));
        verifier.Verify(activation.Value.SignedLicense, "fp-1").Code.Should().Be(LicenseTokenCode.Valid);
        verifier.Verify(activation.Value.SignedLicense, "fp-1").Claims!.Metadata.Should().HaveCount(LicenseLimits.MaxMetadataEntries);
        verifier.Verify(validation.SignedLicense, "fp-1").Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public async Task WhenSigningFails_ActivationWritesNothing()
    {
        await using var provider = Host(services => services.AddSingleton<ILicenseSigningKeyProvider, UnreachableVault>());
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1", ActivationsLimit = 1 });
        var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();

        var act = () => activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value!.Key, Name = "laptop" });

        await act.Should().ThrowAsync<HttpRequestException>();
        var license = await scope.ServiceProvider.GetRequiredService<ILicenseManager>().FindByIdAsync(issued.Value!.Id);
        license!.InstancesCount.Should().Be(0);
        license.Version.Should().Be(issued.Value.Version);
    }

    private static ServiceProvider Host(Action<IServiceCollection> services)
    {
        var collection = new ServiceCollection();
        collection.AddLicenseKit(o => o.BusinessId = "biz_1").UseTimeProvider(new FakeTimeProvider(Licenses.Now)).AddSignedLicenses(o =>
        {
            o.KeyId = Keys.KeyId;
            o.SigningKeyPem = Keys.PrivateKeyPem;
        });
        services(collection);
        return collection.BuildServiceProvider();
    }

    private sealed class UnreachableVault : ILicenseSigningKeyProvider
    {
        public async ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            throw new HttpRequestException("vault unreachable");
        }
    }
}
