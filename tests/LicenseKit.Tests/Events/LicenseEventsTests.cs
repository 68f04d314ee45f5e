using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Events;

public class LicenseEventsTests
{
    [Test]
    public async Task EachSuccessfulWrite_RecordsOneEventDeliveredAfterwards_AndFailuresRecordNone()
    {
        var events = new RecordingEventHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(events));

        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 1 });
        var instance = (await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a", Fingerprint = "fp" })).Value!.Instance;
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a", Fingerprint = "fp" }); // re-activation: no write, no event
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "b" });                      // limit reached: no event
        await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = "hello" });
        await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationsLimit = 0 });                                        // below usage: no event
        await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });
        await sut.Manager.DisableAsync(license.Id);
        await sut.Manager.DisableAsync(license.Id);                                                                                  // no change: no event
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key });                                  // no write: passed on at once
        await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { ProductId = "" });                                               // invalid: no event

        events.Events.Should().ContainSingle("only the validation failure is passed on during the request")
            .Which.Should().BeOfType<LicenseValidationFailed>().Which.Code.Should().Be(LicenseValidationCode.Disabled);
        var recorded = (await sut.Events.ListAsync(new LicenseEventQuery())).Value!.Items;
        recorded.Select(e => e.Type).Should().Equal(
            LicenseEventTypes.Created, LicenseEventTypes.Activated, LicenseEventTypes.Updated, LicenseEventTypes.Deactivated, LicenseEventTypes.StatusChanged);
        recorded.Should().AllSatisfy(e => e.State.Should().Be(LicenseEventState.Pending));

        (await sut.DeliverEventsAsync()).Should().Be(5);

        var delivered = events.Events.Skip(1).ToArray();
        delivered.Select(e => e.GetType()).Should().Equal(
            typeof(LicenseIssued), typeof(LicenseActivated), typeof(LicenseUpdated), typeof(LicenseDeactivated), typeof(LicenseStatusChanged));
        delivered.Select(e => e.EventId).Should().Equal(recorded.Select(r => r.Id));
        delivered.Should().AllSatisfy(e => e.BusinessId.Should().Be("biz_345TUESrCDPvrb"));
        var changed = delivered.OfType<LicenseStatusChanged>().Single();
        changed.PreviousStatus.Should().Be(LicenseStatus.Active);
        changed.Status.Should().Be(LicenseStatus.Disabled);
        changed.License.Should().Be((await sut.Manager.FindByIdAsync(license.Id))! with { KeyHash = null, KeyHint = null }, "the recorded license reads back whole, version included");
        delivered.OfType<LicenseActivated>().Single().Instance.Should().Be(instance);
        delivered.OfType<LicenseIssued>().Single().License.Should().Be(license with { Key = string.Empty, KeyHash = null, KeyHint = null }, "events never carry a key");
        (await sut.Events.ListAsync(new LicenseEventQuery())).Value!.Items.Should().AllSatisfy(e => e.State.Should().Be(LicenseEventState.Delivered));
        (await sut.DeliverEventsAsync()).Should().Be(0, "a delivered event is not delivered again");
    }

    [Test]
    public async Task FailingHandler_RetriesWithGrowingBackoff_ParksAfterMaxAttempts_AndRedriveDelivers()
    {
        var failing = new SwitchableHandler { Failing = true };
        await using var sut = new TestServices(b => b.AddEventHandler(failing), s => s.Configure<LicenseEventDeliveryOptions>(o =>
        {
            o.MaxAttempts = 3;
            o.RetryDelay = TimeSpan.FromSeconds(10);
        }));
        await sut.IssueAsync();

        (await sut.DeliverEventsAsync()).Should().Be(1);
        var first = await SingleEventAsync(sut);
        first.State.Should().Be(LicenseEventState.Pending);
        first.Attempts.Should().Be(1);
        first.LastError.Should().Be($"{typeof(SwitchableHandler)}: InvalidOperationException: receiver down");
        first.NextAttemptAt.Should().BeOnOrAfter(sut.Time.GetUtcNow().AddSeconds(5)).And.BeOnOrBefore(sut.Time.GetUtcNow().AddSeconds(10));
        (await sut.DeliverEventsAsync()).Should().Be(0, "the retry is not due yet");

        sut.Time.Advance(TimeSpan.FromSeconds(10));
        (await sut.DeliverEventsAsync()).Should().Be(1);
        var second = await SingleEventAsync(sut);
        (second.NextAttemptAt - sut.Time.GetUtcNow()).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10), "the delay doubled");

        sut.Time.Advance(TimeSpan.FromSeconds(20));
        (await sut.DeliverEventsAsync()).Should().Be(1);
        var parked = (await sut.Events.ListAsync(new LicenseEventQuery { State = LicenseEventState.Parked })).Value!.Items.Should().ContainSingle().Subject;
        parked.Attempts.Should().Be(3);
        parked.LastError.Should().Be($"{typeof(SwitchableHandler)}: InvalidOperationException: receiver down", "the error names the target that failed");
        sut.Time.Advance(TimeSpan.FromDays(1));
        (await sut.DeliverEventsAsync()).Should().Be(0, "a parked event waits for a re-drive");

        failing.Failing = false;
        var redriven = await sut.Events.RedriveAsync(parked.Id);
        redriven.Value!.State.Should().Be(LicenseEventState.Pending);
        (await sut.DeliverEventsAsync()).Should().Be(1);

        failing.Delivered.Should().ContainSingle().Which.EventId.Should().Be(parked.Id);
        (await SingleEventAsync(sut)).State.Should().Be(LicenseEventState.Delivered);
    }

    [Test]
    public async Task RedriveAsync_UnknownOrNotParkedEvent_ReturnsTypedError()
    {
        await using var sut = new TestServices();
        await sut.IssueAsync();
        var pending = await SingleEventAsync(sut);

        var unknown = await sut.Events.RedriveAsync("evt_unknown");
        var notParked = await sut.Events.RedriveAsync(pending.Id);

        unknown.Errors.Should().ContainSingle().Which.Code.Should().Be(LicenseErrorCodes.EventNotFound);
        notParked.Errors.Should().ContainSingle().Which.Code.Should().Be(LicenseErrorCodes.EventNotParked);
        (await SingleEventAsync(sut)).Should().Be(pending);
    }

    [Test]
    public async Task FailingEvent_HoldsBackLaterEventsOfItsLicenseOnly()
    {
        var handler = new SwitchableHandler { FailingType = typeof(LicenseIssued) };
        await using var sut = new TestServices(b => b.AddEventHandler(handler));
        var held = await sut.IssueAsync();
        await sut.Manager.DisableAsync(held.Id);
        handler.FailingType = null;
        var other = await sut.IssueAsync();
        handler.FailingType = typeof(LicenseIssued);
        handler.FailingLicenseId = held.Id;

        await sut.DeliverEventsAsync();

        handler.Delivered.Should().ContainSingle().Which.Should().BeOfType<LicenseIssued>().Which.License.Id.Should().Be(other.Id);
        handler.FailingType = null;
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.DeliverEventsAsync();
        handler.Delivered.Skip(1).Select(e => e.GetType()).Should().Equal(typeof(LicenseIssued), typeof(LicenseStatusChanged));
    }

    [Test]
    public async Task ListAsync_PagesAfterTheCursor_AndRefusesBadInput()
    {
        await using var sut = new TestServices();
        for (var i = 0; i < 5; i++)
        {
            await sut.IssueAsync();
        }

        await using var otherBusiness = new TestServices(businessId: "biz_other");
        await otherBusiness.IssueAsync();

        var first = (await sut.Events.ListAsync(new LicenseEventQuery { Limit = 2 })).Value!;
        var second = (await sut.Events.ListAsync(new LicenseEventQuery { Limit = 2, After = first.NextCursor })).Value!;
        var third = (await sut.Events.ListAsync(new LicenseEventQuery { Limit = 2, After = second.NextCursor })).Value!;
        var empty = (await sut.Events.ListAsync(new LicenseEventQuery { Limit = 2, After = third.NextCursor })).Value!;
        var all = (await sut.Events.ListAsync(new LicenseEventQuery())).Value!.Items;

        first.Items.Concat(second.Items).Concat(third.Items).Should().Equal(all);
        all.Should().HaveCount(5).And.BeInAscendingOrder(e => e.Sequence);
        third.Items.Should().ContainSingle();
        empty.Items.Should().BeEmpty();
        empty.NextCursor.Should().Be(third.NextCursor, "a poller keeps its place when nothing is new");
        foreach (var bad in new[] { "-1", "1.", ".1", "1.2.3", "1,2", "x" })
        {
            (await sut.Events.ListAsync(new LicenseEventQuery { After = bad })).Errors.Should().ContainSingle().Which.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.InvalidCursor && e.Field == "after", bad);
        }

        (await sut.Events.ListAsync(new LicenseEventQuery { Limit = 2, After = "0." + first.NextCursor })).Value!.Items.Should().Equal(second.Items, "a cursor with transaction 0 is the sequence alone");
        (await sut.Events.ListAsync(new LicenseEventQuery { Limit = 0 })).Errors.Should().ContainSingle().Which.Field.Should().Be("limit");
    }

    [Test]
    public async Task PruneAsync_DeletesDeliveredEventsPastTheRetentionOnly()
    {
        var failing = new SwitchableHandler { FailingType = typeof(LicenseUpdated) };
        await using var sut = new TestServices(b => b.AddEventHandler(failing), s => s.Configure<LicenseEventDeliveryOptions>(o => o.Retention = TimeSpan.FromDays(1)));
        var license = await sut.IssueAsync();
        await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = "x" });
        await sut.DeliverEventsAsync();
        var delivery = sut.Root.GetRequiredService<LicenseEventDelivery>();

        (await delivery.PruneAsync()).Should().Be(0);
        sut.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMilliseconds(1));
        (await delivery.PruneAsync()).Should().Be(1);

        (await sut.Events.ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Which.Type.Should().Be(LicenseEventTypes.Updated);
    }

    [Test]
    public async Task ValidationFailure_HandlerThatThrows_DoesNotFailTheValidation()
    {
        var events = new RecordingEventHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(new SwitchableHandler { Failing = true }).AddEventHandler(events));

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "NOPE-NOPE-NOPE" });

        result.Code.Should().Be(LicenseValidationCode.NotFound);
        events.Events.Should().ContainSingle().Which.Should().BeOfType<LicenseValidationFailed>();
    }

    private static async Task<LicenseEventRecord> SingleEventAsync(TestServices sut) =>
        (await sut.Events.ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Subject;

    private sealed class SwitchableHandler : ILicenseEventHandler
    {
        public bool Failing { get; set; }

        public Type? FailingType { get; set; }

        public string? FailingLicenseId { get; set; }

        public List<LicenseEvent> Delivered { get; } = [];

        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
        {
            var licenseId = licenseEvent switch { LicenseIssued i => i.License.Id, LicenseUpdated u => u.License.Id, _ => null };
            if (Failing || (licenseEvent.GetType() == FailingType && (FailingLicenseId is null || FailingLicenseId == licenseId)))
            {
                throw new InvalidOperationException("receiver down");
            }

            lock (Delivered)
            {
                Delivered.Add(licenseEvent);
            }

            return Task.CompletedTask;
        }
    }
}
