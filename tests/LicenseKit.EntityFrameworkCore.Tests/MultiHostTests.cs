using System.Buffers.Text;
using System.Globalization;
using System.Text;
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
    public async Task UpdateAsync_ThirtyWithoutIfMatchRacingThreeHundredActivations_NoneConflicts()
    {
        var license = await IssueAsync(_hosts[0], new IssueLicenseRequest { ProductId = "prod_race", CustomerId = "cust_race", ActivationsLimit = 400 });

        // Every eleventh call is an admin update (30 among 300 activations); a third of them lower the limit to a value the
        // live count may already exceed, which must be refused by the rule, never by contention.
        var updates = new LicenseResult<License>?[330];
        var activations = new LicenseResult<LicenseActivationResponse>?[330];
        await Parallel.ForEachAsync(Enumerable.Range(0, 330), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            await using var scope = _hosts[i % 2].CreateAsyncScope();
            if (i % 11 == 10)
            {
                var update = (i / 11) % 3 == 0
                    ? new LicenseUpdate { ActivationsLimit = 100 + (i * 3) }
                    : new LicenseUpdate { ActivationMessage = "message " + i.ToString(CultureInfo.InvariantCulture) };
                updates[i] = await scope.ServiceProvider.GetRequiredService<ILicenseManager>().UpdateAsync(license.Id, update, cancellationToken: ct);
            }
            else
            {
                activations[i] = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(
                    new ActivateLicenseRequest { LicenseKey = license.Key, Name = "device", Fingerprint = "fp-" + i.ToString(CultureInfo.InvariantCulture) },
                    ct);
            }
        });

        var updateResults = updates.OfType<LicenseResult<License>>().ToList();
        updateResults.Should().HaveCount(30);
        updateResults.Where(r => !r.Succeeded).Select(r => r.Error!.Code).Should().NotContain(code => code != LicenseErrorCodes.ActivationLimitLessThanCurrentAmount);
        updateResults.Count(r => r.Succeeded).Should().BeGreaterThanOrEqualTo(20);
        var activated = activations.OfType<LicenseResult<LicenseActivationResponse>>().Count(r => r.Succeeded);
        activations.OfType<LicenseResult<LicenseActivationResponse>>().Where(r => !r.Succeeded).Select(r => r.Error!.Code)
            .Should().NotContain(code => code != LicenseErrorCodes.LicenseKeyLimitReached);
        await using var check = _hosts[0].CreateAsyncScope();
        var stored = (await check.ServiceProvider.GetRequiredService<ILicenseManager>().FindByIdAsync(license.Id))!;
        stored.InstancesCount.Should().Be(activated);
        stored.InstancesCount.Should().BeLessThanOrEqualTo(stored.ActivationsLimit!.Value);
        stored.Version.Should().Be(1 + activated + updateResults.Count(r => r.Succeeded));
        (await check.ServiceProvider.GetRequiredService<ILicenseManager>().ListInstancesAsync(license.Id)).Value.Should().HaveCount(activated);
    }

    [Test]
    public async Task UpdateAsync_IfMatchReadBeforeActivations_LandsAndVersionStillMoves()
    {
        var license = await IssueAsync(_hosts[0], new IssueLicenseRequest { ProductId = "prod_race", CustomerId = "cust_race", ActivationsLimit = 5 });
        await using var scope = _hosts[1].CreateAsyncScope();
        var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
        var manager = scope.ServiceProvider.GetRequiredService<ILicenseManager>();
        var activated = (await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "device", Fingerprint = "fp-a" })).Value!.License;

        var admin = await manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = "admin read version 1" }, expectedVersion: license.Version);
        var staleAdmin = await manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = "second admin" }, expectedVersion: license.Version);

        activated.Version.Should().Be(license.Version + 1);
        admin.Value!.Version.Should().Be(activated.Version + 1);
        admin.Value.InstancesCount.Should().Be(1);
        staleAdmin.Error!.Code.Should().Be(LicenseErrorCodes.ConcurrencyConflict);
    }

    [Test]
    public async Task Lookups_WithNulCharacter_AnswerNotFoundOrInvalid_NeverThrow()
    {
        var license = await IssueAsync(_hosts[0], new IssueLicenseRequest { ProductId = "prod_nul", CustomerId = "cust_nul", ActivationsLimit = 2 });
        await using var scope = _hosts[1].CreateAsyncScope();
        var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
        var manager = scope.ServiceProvider.GetRequiredService<ILicenseManager>();
        var instance = (await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "device", Fingerprint = "fp-nul" })).Value!.Instance;
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1|{license.CreatedAt.ToUnixTimeMilliseconds()}|{license.Id}\0"));

        var key = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "AB\0CD" });
        var keyWithNul = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key + "\0" });
        var instanceId = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id + "\0" });
        var fingerprint = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Fingerprint = "fp-\0nul" });
        var deactivate = await activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_\0" });
        var page = await manager.ListAsync(new LicenseQuery { Cursor = cursor });
        var byId = await manager.FindByIdAsync(license.Id + "\0");

        key.Code.Should().Be(LicenseValidationCode.NotFound);
        keyWithNul.Code.Should().Be(LicenseValidationCode.NotFound);
        instanceId.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
        fingerprint.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
        deactivate.Succeeded.Should().BeFalse();
        page.Error!.Code.Should().Be(LicenseErrorCodes.InvalidCursor);
        byId.Should().BeNull();
        (await manager.FindByIdAsync(license.Id))!.InstancesCount.Should().Be(1);
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
        (await check.ServiceProvider.GetRequiredService<ILicenseStore>().FindByKeyAsync(BusinessId, StoreRecords.KeyHash(key))).Should().Be(winner with { Key = string.Empty });
    }

    private static ServiceProvider CreateHost(TestDatabase database, DateTimeOffset now)
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                o.KeyHashing.Secrets["test"] = StoreRecords.HashingSecret;
            })
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
