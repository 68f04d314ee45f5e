using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LicenseKit.Tests.Policies;

public class ConfiguredLicensePolicyProviderTests
{
    private static IHost BuildHost(params (string Key, string Value)[] values)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        builder.Services.AddLicenseKit(builder.Configuration.GetSection("LicenseKit"));
        return builder.Build();
    }

    [Test]
    public async Task GetPolicyAsync_ForAConfiguredProduct_ReturnsEveryBoundField()
    {
        using var host = BuildHost(
            ("LicenseKit:BusinessId", "biz_1"),
            ("LicenseKit:Products:prod_pro:ActivationsLimit", "5"),
            ("LicenseKit:Products:prod_pro:DurationHours", "8760"),
            ("LicenseKit:Products:prod_pro:ExpirationBasis", "FromFirstActivation"),
            ("LicenseKit:Products:prod_pro:SeatMode", "Floating"),
            ("LicenseKit:Products:prod_pro:LeaseDuration", "00:15:00"),
            ("LicenseKit:Products:prod_pro:Entitlements:0", "sso"),
            ("LicenseKit:Products:prod_pro:Entitlements:1", "export-pdf"),
            ("LicenseKit:Products:prod_basic:DurationHours", "720"));
        await host.StartAsync();
        var provider = host.Services.GetRequiredService<ILicensePolicyProvider>();

        var pro = await provider.GetPolicyAsync("biz_1", "prod_pro");
        var basic = await provider.GetPolicyAsync("biz_1", "prod_basic");
        var unknown = await provider.GetPolicyAsync("biz_1", "prod_other");

        pro.Should().Be(new LicensePolicy
        {
            ActivationsLimit = 5,
            DurationHours = 8760,
            ExpirationBasis = LicenseExpirationBasis.FromFirstActivation,
            SeatMode = LicenseSeatMode.Floating,
            LeaseDuration = TimeSpan.FromMinutes(15),
            Entitlements = new LicenseEntitlements(["export-pdf", "sso"]),
        });
        basic.Should().Be(new LicensePolicy { DurationHours = 720 });
        basic!.ExpirationBasis.Should().Be(LicenseExpirationBasis.FromCreation);
        basic.SeatMode.Should().Be(LicenseSeatMode.NodeLocked);
        unknown.Should().BeNull();
        await host.StopAsync();
    }

    [Test]
    public async Task GetPolicyAsync_WithProductsSetInCode_ReturnsThem()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.Products["prod_pro"] = new LicensePolicyOptions { ActivationsLimit = 2, Entitlements = ["sso"] });
        await using var provider = services.BuildServiceProvider();

        var policy = await provider.GetRequiredService<ILicensePolicyProvider>().GetPolicyAsync("biz_1", "prod_pro");

        policy!.ActivationsLimit.Should().Be(2);
        policy.Entitlements.Should().Equal("sso");
    }

    [Test]
    public async Task UsePolicyProvider_ReplacesTheConfiguredProvider()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.Products["prod_pro"] = new LicensePolicyOptions { ActivationsLimit = 2 })
            .UsePolicyProvider<CataloguePolicyProvider>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var policy = await scope.ServiceProvider.GetRequiredService<ILicensePolicyProvider>().GetPolicyAsync("biz_1", "prod_pro");

        policy!.ActivationsLimit.Should().Be(9);
        services.Where(d => d.ServiceType == typeof(ILicensePolicyProvider)).Should().ContainSingle();
    }

    [TestCase("ActivationsLimit", "-1", "LicenseKit:Products:prod_pro:ActivationsLimit must be between 0 and 1000000; it is -1.")]
    [TestCase("DurationHours", "0", "LicenseKit:Products:prod_pro:DurationHours must be between 1 and 876600; it is 0.")]
    [TestCase("SeatMode", "Floating", "LicenseKit:Products:prod_pro:LeaseDuration is required when SeatMode is Floating.")]
    [TestCase("LeaseDuration", "-00:01:00", "LicenseKit:Products:prod_pro:LeaseDuration must be positive; it is -00:01:00.")]
    [TestCase("SeatMode", "7", "LicenseKit:Products:prod_pro:SeatMode must be NodeLocked or Floating.")]
    [TestCase("ExpirationBasis", "3", "LicenseKit:Products:prod_pro:ExpirationBasis must be FromCreation or FromFirstActivation.")]
    [TestCase("Entitlements:0", "export pdf", "LicenseKit:Products:prod_pro:Entitlements holds 'export pdf', which is not a valid entitlement name: 1 to 64 ASCII letters, digits, '.', '_', '-' or ':', starting with a letter or digit.")]
    public async Task HostStart_WithABadPolicyValue_FailsNamingTheProductAndTheField(string field, string value, string message)
    {
        using var host = BuildHost(("LicenseKit:BusinessId", "biz_1"), ($"LicenseKit:Products:prod_pro:{field}", value));

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().Equal(message);
    }

    [TestCase("SeatMode", "Roaming")]
    [TestCase("ExpirationBasis", "FromPurchase")]
    [TestCase("ActivationsLimit", "five")]
    [TestCase("LeaseDuration", "soon")]
    public async Task HostStart_WithAValueThatIsNotOfTheFieldsType_FailsNamingTheProductAndTheField(string field, string value)
    {
        using var host = BuildHost(("LicenseKit:BusinessId", "biz_1"), ($"LicenseKit:Products:prod_pro:{field}", value));

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain($"'LicenseKit:Products:prod_pro:{field}'");
    }

    [Test]
    public async Task HostStart_WithTooManyEntitlements_Fails()
    {
        var names = Enumerable.Range(0, LicenseLimits.MaxEntitlements + 1).Select(i => ($"LicenseKit:Products:prod_pro:Entitlements:{i}", $"feature-{i}"));
        using var host = BuildHost([("LicenseKit:BusinessId", "biz_1"), .. names]);

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().Equal(
            "LicenseKit:Products:prod_pro:Entitlements must hold at most 100 names; it holds 101.");
    }

    private sealed class CataloguePolicyProvider : ILicensePolicyProvider
    {
        public ValueTask<LicensePolicy?> GetPolicyAsync(string businessId, string productId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<LicensePolicy?>(new LicensePolicy { ActivationsLimit = 9 });
    }
}
