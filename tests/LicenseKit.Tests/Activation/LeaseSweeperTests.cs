using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Activation;

/// <summary>The lease sweeper: removes lapsed floating seats once each, reports why, and never beats a heartbeat that came in time.</summary>
public class LeaseSweeperTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private static TestServices Floating(RecordingEventHandler events) => new(b => b
        .AddEventHandler(events)
        .Services.Configure<LicenseKitOptions>(o => o.Products["prod_floating"] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = Lease }));

    private static async Task<LicenseInstance> ActivateAsync(TestServices sut, License license, string fingerprint) =>
        (await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = fingerprint, Fingerprint = fingerprint })).Value!.Instance;

    [Test]
    public async Task SweepAsync_RemovesLapsedInstancesAndReportsThemAsLeaseExpired()
    {
        var events = new RecordingEventHandler();
        await using var sut = Floating(events);
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ProductId = "prod_floating", ActivationsLimit = 5 });
        var lapsing = new[] { await ActivateAsync(sut, license, "a"), await ActivateAsync(sut, license, "b") };
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        var live = await ActivateAsync(sut, license, "c");
        sut.Time.Advance(TimeSpan.FromMinutes(5));
        using var scope = sut.Root.CreateScope();
        var sweeper = scope.ServiceProvider.GetRequiredService<ILicenseLeaseSweeper>();

        var found = await sweeper.SweepAsync(100);

        found.Should().Be(2);
        (await sweeper.SweepAsync(100)).Should().Be(0);
        (await sut.Manager.FindByIdAsync(license.Id))!.InstancesCount.Should().Be(1);
        (await sut.Manager.ListInstancesAsync(license.Id)).Value!.Should().ContainSingle(i => i.Id == live.Id);
        await sut.DeliverEventsAsync();
        var deactivated = events.Events.OfType<LicenseDeactivated>().ToArray();
        deactivated.Select(e => e.Instance.Id).Should().BeEquivalentTo(lapsing.Select(i => i.Id));
        deactivated.Should().OnlyContain(e => e.Reason == LicenseDeactivationReason.LeaseExpired && e.BusinessId == license.BusinessId);
    }

    [Test]
    public async Task SweepAsync_RacingHeartbeats_NeverFreesASeatTwiceAndKeepsEveryLiveOne()
    {
        var events = new RecordingEventHandler();
        await using var sut = Floating(events);
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ProductId = "prod_floating", ActivationsLimit = 20 });
        var lapsing = new List<LicenseInstance>();
        var live = new List<LicenseInstance>();
        for (var i = 0; i < 10; i++)
        {
            lapsing.Add(await ActivateAsync(sut, license, "lapsing-" + i));
        }

        sut.Time.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 10; i++)
        {
            live.Add(await ActivateAsync(sut, license, "live-" + i));
        }

        sut.Time.Advance(TimeSpan.FromMinutes(5));
        var heartbeats = new LicenseResult<LicenseHeartbeatResponse>[20];
        var sweeps = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = sut.Root.CreateScope();
            var sweeper = scope.ServiceProvider.GetRequiredService<ILicenseLeaseSweeper>();
            while (await sweeper.SweepAsync(3) == 3)
            {
            }
        });
        var beats = Parallel.ForEachAsync(Enumerable.Range(0, 20), async (i, ct) =>
        {
            var instance = i < 10 ? lapsing[i] : live[i - 10];
            heartbeats[i] = await sut.Activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id }, ct);
        });
        await Task.WhenAll([.. sweeps, beats]);

        await sut.DeliverEventsAsync();
        heartbeats.Skip(10).Should().OnlyContain(h => h.Succeeded && h.Value!.Instance.LeaseExpiresAt == TestServices.Start.AddMinutes(15) + Lease);
        heartbeats.Take(10).Should().OnlyContain(h => h.Error!.Code == LicenseErrorCodes.LeaseExpired || h.Error!.Code == LicenseErrorCodes.InstanceNotFound);
        events.Events.OfType<LicenseDeactivated>().Select(e => e.Instance.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(lapsing.Select(i => i.Id));
        var instances = (await sut.Manager.ListInstancesAsync(license.Id)).Value!;
        instances.Select(i => i.Id).Should().BeEquivalentTo(live.Select(i => i.Id));
        (await sut.Manager.FindByIdAsync(license.Id))!.InstancesCount.Should().Be(instances.Count);
    }
}
