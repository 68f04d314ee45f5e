namespace LicenseKit.Tests.Issuing;

public class IdempotentReplayTests
{
    [Test]
    public async Task Replay_ReturnsTheFirstLicenseAsItIsNow_AndIssuesNothing()
    {
        var events = new RecordingEventHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(events));
        var request = TestServices.SeedRequest() with { IdempotencyKey = "order-1001" };
        var first = (await sut.Issuer.IssueAsync(request)).Value!;
        sut.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = first.Key, Name = "laptop" });
        var now = (await sut.Manager.DisableAsync(first.Id)).Value!;

        var replay = await sut.Issuer.IssueAsync(request);

        replay.Value.Should().Be(now);
        replay.Value!.Id.Should().Be(first.Id);
        replay.Value.Key.Should().BeEmpty("a generated key is shown once when keys are not stored");
        replay.Value.KeyHint.Should().Be(first.Key[^4..]);
        replay.Value.InstancesCount.Should().Be(1);
        replay.Value.Status.Should().Be(LicenseStatus.Disabled);
        replay.Value.UpdatedAt.Should().Be(TestServices.Start.AddMinutes(5));
        (await sut.AllLicensesAsync()).Should().ContainSingle();
        await sut.DeliverEventsAsync();
        events.Events.OfType<LicenseIssued>().Should().ContainSingle();
    }
}
