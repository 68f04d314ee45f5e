using LicenseKit.Stores;
using LicenseKit.Testing.NUnit;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Caching.Tests;

/// <summary>The store contract, run against the caching decorator over the in-memory store.</summary>
[TestFixture]
public sealed class CachingLicenseStoreConformanceTests : LicenseStoreConformanceTests
{
    private ServiceProvider _services = null!;

    [OneTimeSetUp]
    public void CreateServices()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_conformance").UseStore(new InMemoryLicenseStore()).AddLicenseCache();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    [OneTimeTearDown]
    public async Task DisposeServices() => await _services.DisposeAsync();

    protected override ILicenseStore CreateStore() => _services.GetRequiredService<ILicenseStore>();
}
