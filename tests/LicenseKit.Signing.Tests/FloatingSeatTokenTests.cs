using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests;

/// <summary>A signed token for a floating seat never outlives the seat's lease: on activation, heartbeat and validation.</summary>
public class FloatingSeatTokenTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");

    [Test]
    public async Task Tokens_ForAFloatingSeat_ExpireAtTheLeaseEnd()
    {
        var time = new FakeTimeProvider(Licenses.Now);
        var services = new ServiceCollection();
        services.AddLicenseKit(o =>
            {
                o.BusinessId = "biz_1";
                o.Products["prod_float"] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = TimeSpan.FromMinutes(15) };
            })
            .UseTimeProvider(time)
            .AddSignedLicenses(o =>
            {
                o.SigningKeyPem = Keys.PrivateKeyPem;
                o.KeyId = Keys.KeyId;
                o.TokenLifetime = TimeSpan.FromDays(7);
            });
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_float", CustomerId = "cust_1" });
        var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, "2026-01", time);

        var activation = (await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value!.Key, Name = "agent" })).Value!;
        time.Advance(TimeSpan.FromMinutes(5));
        var heartbeat = (await activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = issued.Value.Key, LicenseKeyInstanceId = activation.Instance.Id })).Value!;
        var validation = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = issued.Value.Key, LicenseKeyInstanceId = activation.Instance.Id });

        verifier.Verify(activation.SignedLicense!).Claims!.TokenExpiresAt.Should().Be(Licenses.Now.AddMinutes(15));
        verifier.Verify(heartbeat.SignedLicense!).Claims!.TokenExpiresAt.Should().Be(Licenses.Now.AddMinutes(20));
        verifier.Verify(validation.SignedLicense!).Claims!.TokenExpiresAt.Should().Be(Licenses.Now.AddMinutes(20));
        time.Advance(TimeSpan.FromMinutes(15) + LicenseTokenVerifier.DefaultClockSkew);
        verifier.Verify(heartbeat.SignedLicense!).Code.Should().NotBe(LicenseTokenCode.Valid);
    }
}
