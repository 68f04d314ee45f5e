using System.Collections.Concurrent;
using System.Globalization;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Floating seats across two hosts sharing one PostgreSQL database on the real clock: leases are short and lapse because
/// time passes, not because a fake clock moved. Seats that must stay are kept by heartbeats every second (a
/// <see cref="SeatKeeper"/>), so a lease lapses only when a test stops heartbeating it; the lease is long beside any call
/// the tests make, and no test asserts how long anything took.
/// </summary>
[TestFixture]
public sealed class PostgreSqlRealLeaseMultiHostTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);
    private TestDatabase? _database;
    private FloatingSeatHosts _hosts = null!;

    [OneTimeSetUp]
    public async Task StartHosts()
    {
        _database = await TestDatabase.CreatePostgresAsync();
        _hosts = FloatingSeatHosts.Start(_database, Lease);
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
    public async Task RealLeases_TwoHosts_1000ActivationsTakeExactly25_ThenAfterTenLapse100TakeExactly10()
    {
        var license = await _hosts.IssueAsync();
        await using var keeper = new SeatKeeper(_hosts, license);

        var race = await ActivateKeptAsync(license, "race", 1000, keeper);
        var held = race.Where(r => r.Succeeded).Select(r => r.Value!.Instance.Id).ToArray();
        held.Should().HaveCount(25);
        await WaitUntilLapsedAsync(await keeper.StopKeepingAsync(held[..10]));
        var late = await ActivateKeptAsync(license, "late", 100, keeper);

        race.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        late.Count(r => r.Succeeded).Should().Be(10, "the 10 leases no longer renewed lapsed; the other 15 were renewed all along");
        late.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        var instances = await _hosts.AssertCountEqualsInstancesAsync(license, 25);
        instances.Select(i => i.Id).Should().Contain(held[10..]).And.NotContain(held[..10]);
        keeper.Failures.Should().BeEmpty("every heartbeat was sent before its lease ended");
    }

    [Test]
    public async Task RealLeases_TwoHosts_HeartbeatsRacingActivationsForLapsedSeats_KeepEverySeat()
    {
        var license = await _hosts.IssueAsync();
        await using var keeper = new SeatKeeper(_hosts, license);
        var lapsing = Ids(await ActivateKeptAsync(license, "lapsing", 10, keeper));
        var renewing = Ids(await ActivateKeptAsync(license, "renewing", 15, keeper));
        await WaitUntilLapsedAsync(await keeper.StopKeepingAsync(lapsing));

        // Each renewing seat heartbeats (besides the keeper's beats) in the same parallel batch as 100 activations that
        // want the 10 lapsed seats, spread over both hosts.
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
        instances.Select(i => i.Id).Should().Contain(renewing).And.NotContain(lapsing);
        keeper.Failures.Should().BeEmpty("every heartbeat was sent before its lease ended");
    }

    [Test]
    public async Task RealLeases_SweepersOnBothHosts_RacingHeartbeats_FreeEachLapsedSeatOnce_CountAlwaysMatchesInstances()
    {
        var license = await _hosts.IssueAsync();
        await using var keeper = new SeatKeeper(_hosts, license);
        var lapsing = Ids(await ActivateKeptAsync(license, "lapsing", 10, keeper));
        var live = Ids(await ActivateKeptAsync(license, "live", 10, keeper));
        await WaitUntilLapsedAsync(await keeper.StopKeepingAsync(lapsing));

        // While two sweepers and heartbeats for all 20 seats run (the keeper's beats of the 10 live ones go on too), a
        // watcher compares instances_count with the stored instances in single statements: they must never differ.
        using var stopWatching = new CancellationTokenSource();
        var watcher = WatchCountAsync(license, stopWatching.Token);
        var beats = new LicenseResult<LicenseHeartbeatResponse>[20];
        var heartbeats = Parallel.ForEachAsync(Enumerable.Range(0, 20), async (i, ct) =>
            beats[i] = await _hosts.HeartbeatAsync(license, i < 10 ? lapsing[i] : live[i - 10], i, ct));
        await Task.WhenAll([.. _hosts.SweepOnBothHosts(), heartbeats]);
        await stopWatching.CancelAsync();
        var mismatches = await watcher;

        beats.Skip(10).Should().OnlyContain(b => b.Succeeded);
        beats.Take(10).Should().OnlyContain(b => b.Error!.Code == LicenseErrorCodes.LeaseExpired || b.Error!.Code == LicenseErrorCodes.InstanceNotFound);
        mismatches.Should().BeEmpty("instances_count must equal the stored instances at every moment");
        var instances = await _hosts.AssertCountEqualsInstancesAsync(license, 10);
        instances.Select(i => i.Id).Should().BeEquivalentTo(live);
        (await LapseEventsAsync(license)).Should().BeEquivalentTo(lapsing, "each lapsed seat is freed, and reported, exactly once");
        keeper.Failures.Should().BeEmpty("every heartbeat was sent before its lease ended");
    }

    private static string[] Ids(LicenseResult<LicenseActivationResponse>[] results)
    {
        results.Should().OnlyContain(r => r.Succeeded);
        return [.. results.Select(r => r.Value!.Instance.Id)];
    }

    /// <summary>Activates in parallel over both hosts; the keeper heartbeats each seat taken from the moment it is taken.</summary>
    private Task<LicenseResult<LicenseActivationResponse>[]> ActivateKeptAsync(License license, string prefix, int count, SeatKeeper keeper) =>
        _hosts.ActivateInParallelAsync(license, prefix, count, keeper.Keep);

    /// <summary>Waits on the real clock, which both hosts judge leases by, until a lease ending at <paramref name="end"/> has lapsed.</summary>
    private static async Task WaitUntilLapsedAsync(DateTimeOffset end)
    {
        while (TimeProvider.System.GetUtcNow() is var now && now <= end)
        {
            await Task.Delay(end - now + TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Reads instances_count and the stored instances in one statement (one snapshot) until cancelled; returns every difference seen.</summary>
    private async Task<List<string>> WatchCountAsync(License license, CancellationToken stop)
    {
        var mismatches = new List<string>();
        await using var context = _database!.CreateContext();
        var sql = $"SELECT l.instances_count - (SELECT count(*) FROM {LicenseKitModelBuilderExtensions.InstancesTable} i WHERE i.license_id = l.id)::int AS \"Value\" " +
            $"FROM {LicenseKitModelBuilderExtensions.LicensesTable} l WHERE l.id = {{0}}";
        while (!stop.IsCancellationRequested)
        {
            var difference = await context.Database.SqlQueryRaw<int>(sql, license.Id).SingleAsync(CancellationToken.None);
            if (difference != 0)
            {
                mismatches.Add(difference.ToString(CultureInfo.InvariantCulture));
            }
        }

        return mismatches;
    }

    private async Task<string[]> LapseEventsAsync(License license)
    {
        await using var scope = _hosts.Hosts[0].CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<ILicenseEventStore>().ListEventsAsync(FloatingSeatHosts.BusinessId, default, 10_000);
        return [.. events.Where(e => e.LicenseId == license.Id && e.Type == LicenseEventTypes.Deactivated)
            .Select(e => (LicenseDeactivated)e.ToEvent())
            .Where(e => e.Reason == LicenseDeactivationReason.LeaseExpired)
            .Select(e => e.Instance.Id)];
    }

    /// <summary>
    /// Heartbeats the seats it is given every second, over both hosts, until told to stop keeping them; records every
    /// heartbeat of a kept seat that did not succeed.
    /// </summary>
    private sealed class SeatKeeper : IAsyncDisposable
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
        private readonly FloatingSeatHosts _hosts;
        private readonly License _license;
        private readonly ConcurrentDictionary<string, DateTimeOffset> _leaseEnds = new();
        private readonly SemaphoreSlim _round = new(1, 1);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public SeatKeeper(FloatingSeatHosts hosts, License license)
        {
            _hosts = hosts;
            _license = license;
            _loop = Task.Run(LoopAsync);
        }

        public ConcurrentBag<string> Failures { get; } = [];

        public void Keep(LicenseInstance instance) => _leaseEnds[instance.Id] = instance.LeaseExpiresAt!.Value;

        /// <summary>Stops heartbeating <paramref name="ids"/> (waiting out a round in progress) and returns when the last of their leases ends.</summary>
        public async Task<DateTimeOffset> StopKeepingAsync(IEnumerable<string> ids)
        {
            await _round.WaitAsync();
            try
            {
                return ids.Select(id => _leaseEnds.TryRemove(id, out var end) ? end : throw new InvalidOperationException(id + " is not kept.")).Max();
            }
            finally
            {
                _round.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
            _round.Dispose();
        }

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                await _round.WaitAsync(_stop.Token);
                try
                {
                    await Parallel.ForEachAsync(_leaseEnds.Keys.ToArray(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = _stop.Token }, async (id, ct) =>
                    {
                        var beat = await _hosts.HeartbeatAsync(_license, id, id.GetHashCode(StringComparison.Ordinal) & 1, ct);
                        if (beat.Value is { } renewed)
                        {
                            _leaseEnds[id] = renewed.Instance.LeaseExpiresAt!.Value;
                        }
                        else
                        {
                            Failures.Add(id + ": " + beat.Error!.Code);
                        }
                    });
                }
                finally
                {
                    _round.Release();
                }

                await Task.Delay(Interval, _stop.Token);
            }
        }
    }
}
