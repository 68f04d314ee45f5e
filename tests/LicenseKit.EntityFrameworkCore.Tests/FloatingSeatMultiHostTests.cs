using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Floating seats across two hosts (two service providers and connection pools) sharing one database, through the public
/// services. Both hosts' clocks are fake and moved together, so a lease lapses exactly when the test says.
/// </summary>
public abstract class FloatingSeatMultiHostTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider[] _clocks = [NewClock(), NewClock()];
    private TestDatabase? _database;
    private FloatingSeatHosts _hosts = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [OneTimeSetUp]
    public async Task StartHosts()
    {
        _database = await CreateDatabaseAsync();
        _hosts = FloatingSeatHosts.Start(_database, Lease, i => _clocks[i]);
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task FloatingActivations_AcrossTwoHosts_TakeExactlyTheLimit_ThenExactlyTheLapsedSeats()
    {
        var license = await _hosts.IssueAsync();
        var early = await _hosts.ActivateInParallelAsync(license, "early", 10);
        Advance(TimeSpan.FromMinutes(5));

        var full = await _hosts.ActivateInParallelAsync(license, "race", 1000);
        Advance(TimeSpan.FromMinutes(10));
        var late = await _hosts.ActivateInParallelAsync(license, "late", 100);

        early.Should().OnlyContain(r => r.Succeeded);
        full.Count(r => r.Succeeded).Should().Be(15);
        full.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        late.Count(r => r.Succeeded).Should().Be(10, "the 10 leases taken first lapsed, the other 15 still run");
        late.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        await _hosts.AssertCountEqualsInstancesAsync(license, 25);
    }

    [Test]
    public async Task Heartbeats_RacingActivationsForLapsedSeats_AcrossTwoHosts_KeepEverySeat()
    {
        var license = await _hosts.IssueAsync();
        await _hosts.ActivateInParallelAsync(license, "lapsing", 10);
        Advance(TimeSpan.FromMinutes(5));
        var renewing = (await _hosts.ActivateInParallelAsync(license, "renewing", 15)).Select(r => r.Value!.Instance.Id).ToArray();
        Advance(TimeSpan.FromMinutes(10));

        var heartbeats = new LicenseResult<LicenseHeartbeatResponse>[renewing.Length];
        var activations = new LicenseResult<LicenseActivationResponse>[100];
        await Parallel.ForEachAsync(Enumerable.Range(0, renewing.Length + activations.Length), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            if (i < renewing.Length)
            {
                heartbeats[i] = await _hosts.HeartbeatAsync(license, renewing[i], i, ct);
            }
            else
            {
                activations[i - renewing.Length] = await _hosts.ActivateAsync(license, "new", i, ct);
            }
        });

        heartbeats.Should().OnlyContain(h => h.Succeeded);
        activations.Count(a => a.Succeeded).Should().Be(10);
        var instances = await _hosts.AssertCountEqualsInstancesAsync(license, 25);
        instances.Select(i => i.Id).Should().Contain(renewing);
    }

    [Test]
    public async Task Sweepers_OnBothHosts_RacingHeartbeats_FreeEachLapsedSeatOnce()
    {
        var license = await _hosts.IssueAsync();
        var lapsing = (await _hosts.ActivateInParallelAsync(license, "lapsing", 10)).Select(r => r.Value!.Instance.Id).ToArray();
        Advance(TimeSpan.FromMinutes(5));
        var live = (await _hosts.ActivateInParallelAsync(license, "live", 10)).Select(r => r.Value!.Instance.Id).ToArray();
        Advance(TimeSpan.FromMinutes(10));

        var beats = new LicenseResult<LicenseHeartbeatResponse>[20];
        var heartbeats = Parallel.ForEachAsync(Enumerable.Range(0, 20), async (i, ct) =>
            beats[i] = await _hosts.HeartbeatAsync(license, i < 10 ? lapsing[i] : live[i - 10], i, ct));
        await Task.WhenAll([.. _hosts.SweepOnBothHosts(), heartbeats]);

        beats.Skip(10).Should().OnlyContain(b => b.Succeeded);
        beats.Take(10).Should().OnlyContain(b => !b.Succeeded);
        var instances = await _hosts.AssertCountEqualsInstancesAsync(license, 10);
        instances.Select(i => i.Id).Should().BeEquivalentTo(live);
    }

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));

    private void Advance(TimeSpan by)
    {
        foreach (var clock in _clocks)
        {
            clock.Advance(by);
        }
    }
}
