using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Caching.Tests;

/// <summary>
/// The setup docs/caching.md shows (EF Core on a SQLite file, Redis backplane), run as two hosts sharing the file and
/// the Redis server: a revoke on one is refused on the other, and both still validate right.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DocumentedSetupTests
{
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("licensekit-cache-");

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task EntityFrameworkCoreHosts_SharingRedis_SeeEachOthersRevoke()
    {
        var redis = RedisServer.RequireConfiguration();
        var database = "Data Source=" + Path.Combine(_folder.FullName, "licenses.db");
        var cacheName = "LicenseKitDocs" + Guid.NewGuid().ToString("N");
        await using var hostA = BuildHost(database, redis, cacheName);
        await using var hostB = BuildHost(database, redis, cacheName);
        await using (var scope = hostA.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureCreatedAsync();
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var license = await IssueAsync(hostA);
            (await ValidateAsync(hostB, license.Key)).Should().Be(LicenseValidationCode.Valid);
            (await ValidateAsync(hostB, license.Key)).Should().Be(LicenseValidationCode.Valid);

            await using (var scope = hostA.CreateAsyncScope())
            {
                (await scope.ServiceProvider.GetRequiredService<ILicenseManager>().RevokeAsync(license.Id)).Succeeded.Should().BeTrue();
            }

            (await ValidateAsync(hostA, license.Key)).Should().Be(LicenseValidationCode.Revoked);
            if (await RefusedWithinAsync(hostB, license.Key, TimeSpan.FromSeconds(1)))
            {
                return;
            }
        }

        Assert.Fail("Host B never saw host A's revoke within a second.");
    }

    private static ServiceProvider BuildHost(string database, string redis, string cacheName)
    {
        var services = new ServiceCollection();
        // As in docs/caching.md, with this test's database, Redis server and channel.
        services.AddDbContext<AppDbContext>(o => o.UseSqlite(database));
        services.AddLicenseKit(o =>
            {
                o.BusinessId = "biz_345TUESrCDPvrb";
                o.KeyHashing.Secrets["docs"] = Convert.ToBase64String(new byte[32]);
            })
            .UseEntityFrameworkCore<AppDbContext>()
            .AddLicenseCache(o =>
            {
                o.RedisConfiguration = redis;
                o.Duration = TimeSpan.FromSeconds(10);
                o.CacheName = cacheName;
            });
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static async Task<License> IssueAsync(ServiceProvider host)
    {
        await using var scope = host.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        return issued.Value!;
    }

    private static async Task<LicenseValidationCode> ValidateAsync(ServiceProvider host, string key)
    {
        await using var scope = host.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ValidateAsync(new ValidateLicenseRequest { LicenseKey = key });
        return result.Code;
    }

    private static async Task<bool> RefusedWithinAsync(ServiceProvider host, string key, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (await ValidateAsync(host, key) == LicenseValidationCode.Revoked)
            {
                return true;
            }

            await Task.Delay(1);
        }

        return false;
    }
}
