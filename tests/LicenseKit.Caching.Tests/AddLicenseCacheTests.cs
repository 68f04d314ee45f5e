using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Caching.Tests;

[TestFixture]
public sealed class AddLicenseCacheTests
{
    [Test]
    public async Task AddLicenseCache_CalledTwice_DecoratesOnceAndKeepsTheStoreLifetime()
    {
        var services = new ServiceCollection();
        var builder = services.AddLicenseKit(o => o.BusinessId = "biz_1").UseStore<InMemoryLicenseStore>(ServiceLifetime.Scoped);

        builder.AddLicenseCache().AddLicenseCache(o => o.Duration = TimeSpan.FromSeconds(3));

        services.Count(d => d.ServiceType == typeof(ILicenseStore)).Should().Be(1);
        services.Single(d => d.ServiceType == typeof(ILicenseStore)).Lifetime.Should().Be(ServiceLifetime.Scoped);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<IOptions<LicenseCacheOptions>>().Value.Duration.Should().Be(TimeSpan.FromSeconds(3));
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILicenseStore>();
        store.Should().NotBeOfType<InMemoryLicenseStore>();
        (await store.FindByKeyAsync("biz_1", "NO-SUCH-KEY")).Should().BeNull();
    }

    [Test]
    public void AddLicenseCache_WithoutAddLicenseKit_Throws()
    {
        var services = new ServiceCollection();
        var builder = LicenseKitBuilderOf(services);

        var add = () => builder.AddLicenseCache();

        add.Should().Throw<InvalidOperationException>().WithMessage("*call AddLicenseKit() before AddLicenseCache()*");
    }

    [TestCase(0, null, "LicenseKit", "LicenseCacheOptions.Duration must be greater than zero and at most one day.")]
    [TestCase(90_000, null, "LicenseKit", "LicenseCacheOptions.Duration must be greater than zero and at most one day.")]
    [TestCase(10, " ", "LicenseKit", "LicenseCacheOptions.RedisConfiguration must be non-blank when set.")]
    [TestCase(10, null, "", "LicenseCacheOptions.CacheName must be non-blank.")]
    public async Task Startup_WithUnusableOptions_FailsWithTheReason(int durationSeconds, string? redis, string cacheName, string message)
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1").AddLicenseCache(o =>
        {
            o.Duration = TimeSpan.FromSeconds(durationSeconds);
            o.RedisConfiguration = redis;
            o.CacheName = cacheName;
        });
        await using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IOptions<LicenseCacheOptions>>().Value;

        resolve.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(message);
    }

    // A builder over a collection where AddLicenseKit was never called: add it, then remove its store.
    private static LicenseKitBuilder LicenseKitBuilderOf(ServiceCollection services)
    {
        var builder = services.AddLicenseKit();
        services.Remove(services.Single(d => d.ServiceType == typeof(ILicenseStore)));
        return builder;
    }
}
