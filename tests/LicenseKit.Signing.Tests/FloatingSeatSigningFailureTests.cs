using LicenseKit.Signing.Tests.Support;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests;

/// <summary>
/// Renewing a lease writes, so its token is signed first: when the signing key cannot be had, a heartbeat or a floating
/// device's activation again fails before anything is written, and the lease stays as it was, as an activation leaves no
/// instance behind.
/// </summary>
public class FloatingSeatSigningFailureTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    [Test]
    public async Task Heartbeat_WhenTheSigningKeyCannotBeHad_Throws_AndLeavesTheLeaseUnchanged()
    {
        await using var host = await FloatingHostAsync();
        var activated = await host.ActivateAsync("agent-1");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        host.Vault.Unreachable = true;

        var heartbeat = () => host.Activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = host.License.Key, LicenseKeyInstanceId = activated.Instance.Id });

        await heartbeat.Should().ThrowAsync<InvalidOperationException>().WithMessage("The vault is unreachable.");
        (await host.StoredLeaseAsync(activated.Instance)).Should().Be(Licenses.Now + Lease);
        host.Vault.Unreachable = false;
        var renewed = await heartbeat();
        renewed.Value!.Instance.LeaseExpiresAt.Should().Be(Licenses.Now.AddMinutes(5) + Lease);
        renewed.Value.SignedLicense.Should().NotBeNull();
        (await host.StoredLeaseAsync(activated.Instance)).Should().Be(Licenses.Now.AddMinutes(5) + Lease);
    }

    [Test]
    public async Task ActivateAgain_FloatingDevice_WhenTheSigningKeyCannotBeHad_Throws_AndLeavesTheLeaseUnchanged()
    {
        await using var host = await FloatingHostAsync();
        var activated = await host.ActivateAsync("agent-1");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        host.Vault.Unreachable = true;

        var again = () => host.ActivateAsync("agent-1");

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("The vault is unreachable.");
        (await host.StoredLeaseAsync(activated.Instance)).Should().Be(Licenses.Now + Lease);
        host.Vault.Unreachable = false;
        var renewed = await again();
        renewed.AlreadyActivated.Should().BeTrue();
        renewed.Instance.LeaseExpiresAt.Should().Be(Licenses.Now.AddMinutes(5) + Lease);
        (await host.StoredLeaseAsync(activated.Instance)).Should().Be(Licenses.Now.AddMinutes(5) + Lease);
    }

    private static async Task<FloatingHost> FloatingHostAsync()
    {
        var time = new FakeTimeProvider(Licenses.Now);
        var vault = new SwitchableKeyProvider(Keys.SigningKey());
        var services = new ServiceCollection();
        services.AddSingleton<ILicenseSigningKeyProvider>(vault);
        services.AddLicenseKit(o =>
            {
                o.BusinessId = "biz_1";
                o.Products["prod_float"] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = Lease };
            })
            .UseTimeProvider(time)
            .AddSignedLicenses(o =>
            {
                o.SigningKeyPem = Keys.PrivateKeyPem;
                o.KeyId = Keys.KeyId;
                o.TokenLifetime = TimeSpan.FromDays(7);
            });
        var provider = services.BuildServiceProvider();
        var issued = await provider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_float", CustomerId = "cust_1" });
        return new FloatingHost(provider, time, vault, issued.Value!);
    }

    private sealed record FloatingHost(ServiceProvider Services, FakeTimeProvider Time, SwitchableKeyProvider Vault, License License) : IAsyncDisposable
    {
        public ILicenseActivator Activator => Services.GetRequiredService<ILicenseActivator>();

        public async Task<LicenseActivationResponse> ActivateAsync(string fingerprint)
        {
            var result = await Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = License.Key, Name = fingerprint, Fingerprint = fingerprint });
            return result.Value ?? throw new InvalidOperationException(result.ToString());
        }

        public async Task<DateTimeOffset?> StoredLeaseAsync(LicenseInstance instance) =>
            (await Services.GetRequiredService<ILicenseStore>().FindInstanceAsync(License.BusinessId, License.Id, instance.Id, null))!.LeaseExpiresAt;

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }
}
