using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>
    /// A failure records the targets that took the event with it; the retry's claim, a parked event and its re-drive all
    /// carry them, so no target gets the event twice. A lost lease records nothing.
    /// </summary>
    [Test]
    public async Task MarkFailedAsync_KeepsTheDeliveredTargets_ThroughRetryParkAndRedrive()
    {
        await StoreAsync(NewLicense());
        var store = CreateEventStore();
        var recorded = (await store.ListEventsAsync(BusinessId, default, 100)).Should().ContainSingle().Subject;
        recorded.DeliveredTargets.Should().BeEmpty();
        var first = new LicenseEventTargets(["Vendor.Crm.Handler", "LicenseKit.LicenseWebhookSender/crm"]);
        var both = first.Union(["LicenseKit.LicenseWebhookSender/billing"]);

        await ClaimMineAsync("owner-a", ClaimTime);
        (await store.MarkFailedAsync(recorded.Id, "owner-b", "not mine", ClaimTime.AddSeconds(10), both)).Should().BeFalse();
        (await store.MarkFailedAsync(recorded.Id, "owner-a", "billing: 500", ClaimTime.AddSeconds(10), first)).Should().BeTrue();
        var retried = (await ClaimMineAsync("owner-a", ClaimTime.AddSeconds(10))).Should().ContainSingle().Subject;
        (await store.MarkFailedAsync(recorded.Id, "owner-a", "billing: 500 again", null, both)).Should().BeTrue();
        var parked = (await store.ListEventsAsync(BusinessId, default, 100, LicenseEventState.Parked)).Should().ContainSingle().Subject;
        var redriven = await store.RedriveEventAsync(BusinessId, recorded.Id, ClaimTime.AddSeconds(30));
        var reclaimed = (await ClaimMineAsync("owner-c", ClaimTime.AddSeconds(30))).Should().ContainSingle().Subject;

        retried.DeliveredTargets.Should().Equal(first);
        parked.DeliveredTargets.Should().Equal(both);
        redriven!.DeliveredTargets.Should().Equal(both, "a re-drive goes only to the targets that have not taken the event");
        reclaimed.DeliveredTargets.Should().Equal(both);
        reclaimed.Should().Be(redriven with { LeaseOwner = "owner-c", Attempts = 1, NextAttemptAt = ClaimTime.AddSeconds(30).AddMinutes(1) });
    }
}
