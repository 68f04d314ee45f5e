using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Tests.DependencyInjection;

public class ConfigurationBindingTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Test]
    public async Task AddLicenseKit_WithAConfigurationSection_BindsEveryOptionIncludingTheKeyFormat()
    {
        var configuration = Configuration(
            ("LicenseKit:BusinessId", "biz_from_config"),
            ("LicenseKit:MinCustomKeyLength", "16"),
            ("LicenseKit:MaxPageSize", "50"),
            ("LicenseKit:KeyFormat:GroupCount", "5"),
            ("LicenseKit:KeyFormat:Prefix", "ACME"));
        var services = new ServiceCollection();
        services.AddLicenseKit(configuration.GetSection("LicenseKit"));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var options = provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "p", CustomerId = "c" });
        var shortKey = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "p", CustomerId = "c", Key = "ORDER-1042-AB" });

        options.MaxPageSize.Should().Be(50);
        issued.Value!.BusinessId.Should().Be("biz_from_config");
        issued.Value.Key.Should().MatchRegex("^ACME([0-9A-Z]{4}-){4}[0-9A-Z]{4}$");
        shortKey.Error!.Code.Should().Be(LicenseErrorCodes.FieldTooShort);
    }

    [Test]
    public void AddLicenseKit_WithABadConfiguredValue_StopsTheHostAtStartup()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(Configuration(("MaxPageSize", "0")));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain("LicenseKitOptions.MaxPageSize must be between 1 and 10000.");
    }

    [Test]
    public void AddLicenseKit_ConfigureRunsAfterBinding()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(Configuration(("BusinessId", "biz_config"), ("MaxPageSize", "50")), o => o.BusinessId = "biz_code");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;

        options.BusinessId.Should().Be("biz_code");
        options.MaxPageSize.Should().Be(50);
    }

    [Test]
    public void BindConfiguration_OnTheOptionsBuilder_WorksWithTheParameterlessOverload()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(("LicenseKit:BusinessId", "biz_bound")));
        services.AddLicenseKit();
        services.AddOptions<LicenseKitOptions>().BindConfiguration("LicenseKit");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value.BusinessId.Should().Be("biz_bound");
    }
}
