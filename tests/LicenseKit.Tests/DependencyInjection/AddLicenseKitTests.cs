using LicenseKit.Stores;
using LicenseKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LicenseKit.Tests.DependencyInjection;

public class AddLicenseKitTests
{
    [Test]
    public async Task AddLicenseKit_RegistersEveryServiceWithInMemoryDefaults()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<ILicenseManager>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<ILicenseActivator>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<ILicenseStore>().Should().BeOfType<InMemoryLicenseStore>();
        scope.ServiceProvider.GetRequiredService<IKeyGenerator>().Should().BeOfType<RandomKeyGenerator>();
        scope.ServiceProvider.GetRequiredService<ILicenseBusinessResolver>().Should().BeOfType<ConfiguredBusinessResolver>();
        scope.ServiceProvider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Test]
    public async Task AddLicenseKit_CalledTwice_KeepsOneStoreAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1");
        services.AddLicenseKit(o => o.MaxPageSize = 50);
        await using var provider = services.BuildServiceProvider();

        services.Count(d => d.ServiceType == typeof(ILicenseStore)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(ILicenseIssuer)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<LicenseKitOptions>)).Should().Be(2, "the options validator and the key hashing validator, once each");
        var options = provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;
        options.BusinessId.Should().Be("biz_1");
        options.MaxPageSize.Should().Be(50);
        provider.GetRequiredService<ILicenseStore>().Should().BeSameAs(provider.GetRequiredService<ILicenseStore>());
    }

    [Test]
    public async Task Builder_ReplacesStoreKeyGeneratorAndBusinessResolver()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit()
            .UseStore<InMemoryLicenseStore>(ServiceLifetime.Singleton)
            .UseKeyGenerator<SequentialKeyGenerator>()
            .UseBusinessResolver<FixedBusinessResolver>();
        services.AddSingleton(new SequentialKeyGenerator("SEQ-"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        var license = (await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(TestServices.SeedRequest())).Value!;

        license.Key.Should().Be("TEST-0001");
        license.BusinessId.Should().Be("biz_fixed");
        services.Where(d => d.ServiceType == typeof(ILicenseStore)).Should().ContainSingle();
    }

    [Test]
    public async Task IssueAsync_WithoutConfiguredBusiness_ThrowsWithGuidance()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit();
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ILicenseIssuer>().IssueAsync(TestServices.SeedRequest());

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*LicenseKitOptions.BusinessId*UseBusinessResolver*");
    }

    [Test]
    public async Task HostStart_WithWeakKeyFormat_FailsAtStartup()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLicenseKit(o => o.KeyFormat.GroupCount = 2);
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("40 bits of entropy");
    }

    private sealed class FixedBusinessResolver : ILicenseBusinessResolver
    {
        public ValueTask<string> GetBusinessIdAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult("biz_fixed");
    }
}
