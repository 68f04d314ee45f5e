using System.Globalization;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Floating seats across two hosts (two service providers and connection pools) sharing one database, through the public
/// services. Both hosts' clocks are fake and moved together, so a lease lapses exactly when the test says.
/// </summary>
public abstract class FloatingSeatMultiHostTests
{
    private const string BusinessId = "biz_floating_multihost";
    private const string FloatingProduct = "prod_floating";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private TestDatabase? _database;
    private (ServiceProvider Services, FakeTimeProvider Time)[] _hosts = [];

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [OneTimeSetUp]
    public async Task StartHosts()
    {
        _database = await CreateDatabaseAsync();
        _hosts = [CreateHost(_database), CreateHost(_database)];
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        foreach (var (services, _) in _hosts)
        {
            await services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task FloatingActivations_AcrossTwoHosts_TakeExactlyTheLimit_ThenExactlyTheLapsedSeats()
    {
        var license = await IssueAsync();
        var early = await ActivateInParallelAsync(license, "early", 10);
        Advance(TimeSpan.FromMinutes(5));

        var full = await ActivateInParallelAsync(license, "race", 1000);
        Advance(TimeSpan.FromMinutes(10));
        var late = await ActivateInParallelAsync(license, "late", 100);

        early.Should().OnlyContain(r => r.Succeeded);
        full.Count(r => r.Succeeded).Should().Be(15);
        full.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        late.Count(r => r.Succeeded).Should().Be(10, "the 10 leases taken first lapsed, the other 15 still run");
        late.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        await AssertCountEqualsInstancesAsync(license, 25);
    }

    [Test]
    public async Task Heartbeats_RacingActivationsForLapsedSeats_AcrossTwoHosts_KeepEverySeat()
    {
        var license = await IssueAsync();
        await ActivateInParallelAsync(license, "lapsing", 10);
        Advance(TimeSpan.FromMinutes(5));
        var renewing = (await ActivateInParallelAsync(license, "renewing", 15)).Select(r => r.Value!.Instance.Id).ToArray();
        Advance(TimeSpan.FromMinutes(10));

        var heartbeats = new LicenseResult<LicenseHeartbeatResponse>[renewing.Length];
        var activations = new LicenseResult<LicenseActivationResponse>[100];
        await Parallel.ForEachAsync(Enumerable.Range(0, renewing.Length + activations.Length), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            await using var scope = _hosts[i % 2].Services.CreateAsyncScope();
            var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
            if (i < renewing.Length)
            {
                heartbeats[i] = await activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = renewing[i] }, ct);
            }
            else
            {
                activations[i - renewing.Length] = await activator.ActivateAsync(Activation(license, "new", i), ct);
            }
        });

        heartbeats.Should().OnlyContain(h => h.Succeeded);
        activations.Count(a => a.Succeeded).Should().Be(10);
        var instances = await AssertCountEqualsInstancesAsync(license, 25);
        instances.Select(i => i.Id).Should().Contain(renewing);
    }

    [Test]
    public async Task Sweepers_OnBothHosts_RacingHeartbeats_FreeEachLapsedSeatOnce()
    {
        var license = await IssueAsync();
        var lapsing = (await ActivateInParallelAsync(license, "lapsing", 10)).Select(r => r.Value!.Instance.Id).ToArray();
        Advance(TimeSpan.FromMinutes(5));
        var live = (await ActivateInParallelAsync(license, "live", 10)).Select(r => r.Value!.Instance.Id).ToArray();
        Advance(TimeSpan.FromMinutes(10));

        var beats = new LicenseResult<LicenseHeartbeatResponse>[20];
        var sweeps = _hosts.Select(async host =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            while (await scope.ServiceProvider.GetRequiredService<ILicenseLeaseSweeper>().SweepAsync(3) == 3)
            {
            }
        });
        var heartbeats = Parallel.ForEachAsync(Enumerable.Range(0, 20), async (i, ct) =>
        {
            await using var scope = _hosts[i % 2].Services.CreateAsyncScope();
            var id = i < 10 ? lapsing[i] : live[i - 10];
            beats[i] = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = id }, ct);
        });
        await Task.WhenAll([.. sweeps, heartbeats]);

        beats.Skip(10).Should().OnlyContain(b => b.Succeeded);
        beats.Take(10).Should().OnlyContain(b => !b.Succeeded);
        var instances = await AssertCountEqualsInstancesAsync(license, 10);
        instances.Select(i => i.Id).Should().BeEquivalentTo(live);
    }

    private static ActivateLicenseRequest Activation(License license, string prefix, int index) =>
        new() { LicenseKey = license.Key, Name = "agent", Fingerprint = prefix + "-" + index.ToString(CultureInfo.InvariantCulture) };

    private static (ServiceProvider, FakeTimeProvider) CreateHost(TestDatabase database)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                o.Products[FloatingProduct] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = Lease };
                o.KeyHashing.Secrets["test"] = StoreRecords.HashingSecret;
            })
            .UseEntityFrameworkCore<TestDbContext>()
            .UseTimeProvider(time);
        return (services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), time);
    }

    private void Advance(TimeSpan by)
    {
        foreach (var (_, time) in _hosts)
        {
            time.Advance(by);
        }
    }

    private async Task<License> IssueAsync()
    {
        await using var scope = _hosts[0].Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
            new IssueLicenseRequest { ProductId = FloatingProduct, CustomerId = "cust_floating", ActivationsLimit = 25 });
        result.Succeeded.Should().BeTrue(result.ToString());
        return result.Value!;
    }

    private async Task<LicenseResult<LicenseActivationResponse>[]> ActivateInParallelAsync(License license, string prefix, int count)
    {
        var results = new LicenseResult<LicenseActivationResponse>[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            await using var scope = _hosts[i % 2].Services.CreateAsyncScope();
            results[i] = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(Activation(license, prefix, i), ct);
        });
        return results;
    }

    private async Task<IReadOnlyList<LicenseInstance>> AssertCountEqualsInstancesAsync(License license, int expected)
    {
        await using var scope = _hosts[1].Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILicenseStore>();
        var stored = await store.FindByIdAsync(BusinessId, license.Id);
        var instances = await store.ListInstancesAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(instances.Count);
        instances.Should().HaveCount(expected);
        return instances;
    }
}
