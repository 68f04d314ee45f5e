using System.Globalization;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Two hosts (two service providers, two sets of DbContext options, two connection pools) share one database and race
/// through the public services: together they must behave exactly like one host.
/// </summary>
public abstract class MultiHostTests
{
    private const string BusinessId = "biz_multihost";
    private TestDatabase? _database;
    private ServiceProvider[] _hosts = [];

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [OneTimeSetUp]
    public async Task StartHosts()
    {
        _database = await CreateDatabaseAsync();
        var now = new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
        _hosts = [CreateHost(_database, now), CreateHost(_database, now)];
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task ActivateAsync_ThousandRacingAcrossTwoHosts_ActivatesExactlyTheLimit()
    {
        var license = await IssueAsync(_hosts[0], new IssueLicenseRequest { ProductId = "prod_race", CustomerId = "cust_race", ActivationsLimit = 25 });

        var results = new LicenseResult<LicenseActivationResponse>[1000];
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            await using var scope = _hosts[i % 2].CreateAsyncScope();
            var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
            results[i] = await activator.ActivateAsync(
                new ActivateLicenseRequest { LicenseKey = license.Key, Name = "device", Fingerprint = "fp-" + i.ToString(CultureInfo.InvariantCulture) },
                ct);
        });

        results.Count(r => r.Succeeded).Should().Be(25);
        results.Where(r => !r.Succeeded).Select(r => r.Error!.Code).Should().HaveCount(975).And.OnlyContain(code => code == LicenseErrorCodes.LicenseKeyLimitReached);
        foreach (var host in _hosts)
        {
            await using var scope = host.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<ILicenseStore>().FindByIdAsync(BusinessId, license.Id);
            stored!.InstancesCount.Should().Be(25);
            (await scope.ServiceProvider.GetRequiredService<ILicenseStore>().ListInstancesAsync(BusinessId, license.Id)).Should().HaveCount(25);
        }
    }

    [Test]
    public async Task IssueAsync_SameCustomKeyRacingAcrossTwoHosts_IssuesExactlyOne()
    {
        var key = "MULTI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var results = new LicenseResult<License>[64];
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            await using var scope = _hosts[i % 2].CreateAsyncScope();
            results[i] = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
                new IssueLicenseRequest { ProductId = "prod_race", CustomerId = "cust_" + i.ToString(CultureInfo.InvariantCulture), Key = key },
                ct);
        });

        var winner = results.Single(r => r.Succeeded).Value!;
        results.Where(r => !r.Succeeded).Select(r => r.Error!.Code).Should().HaveCount(63).And.OnlyContain(code => code == LicenseErrorCodes.DuplicateKey);
        await using var check = _hosts[1].CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<ILicenseStore>().FindByKeyAsync(BusinessId, key)).Should().Be(winner);
    }

    private static ServiceProvider CreateHost(TestDatabase database, DateTimeOffset now)
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        services.AddLicenseKit(o => o.BusinessId = BusinessId)
            .UseEntityFrameworkCore<TestDbContext>()
            .UseTimeProvider(new FakeTimeProvider(now));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static async Task<License> IssueAsync(ServiceProvider host, IssueLicenseRequest request)
    {
        await using var scope = host.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(request);
        result.Succeeded.Should().BeTrue(result.ToString());
        return result.Value!;
    }
}
