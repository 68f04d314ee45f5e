namespace LicenseKit.Tests.Events;

public class LicenseEventsTests
{
    [Test]
    public async Task EachSuccessfulOperation_RaisesExactlyOneEvent_AndFailuresRaiseNone()
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
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key });
        await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { ProductId = "" });                                               // invalid: no event

        events.Events.Select(e => e.GetType()).Should().Equal(
            typeof(LicenseIssued), typeof(LicenseActivated), typeof(LicenseUpdated), typeof(LicenseDeactivated), typeof(LicenseStatusChanged), typeof(LicenseValidationFailed));
        events.Events.Select(e => e.EventId).Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().StartWith("evt_"));
        events.Events.Should().AllSatisfy(e => e.BusinessId.Should().Be("biz_345TUESrCDPvrb"));
        var changed = events.Events.OfType<LicenseStatusChanged>().Single();
        changed.PreviousStatus.Should().Be(LicenseStatus.Active);
        changed.Status.Should().Be(LicenseStatus.Disabled);
        events.Events.OfType<LicenseValidationFailed>().Single().Code.Should().Be(LicenseValidationCode.Disabled);
        events.Events.OfType<LicenseActivated>().Single().Instance.Should().Be(instance);
    }

    [Test]
    public async Task ThrowingHandler_DoesNotUndoTheWriteOrStopOtherHandlers()
    {
        var events = new RecordingEventHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(new ThrowingHandler()).AddEventHandler(events));

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest());

        result.Succeeded.Should().BeTrue();
        (await sut.AllLicensesAsync()).Should().ContainSingle().Which.Should().Be(result.Value! with { Key = string.Empty });
        events.Events.Should().ContainSingle().Which.Should().BeOfType<LicenseIssued>();
    }

    [Test]
    public async Task Handler_RunsAfterTheStoreWrite()
    {
        TestServices? sut = null;
        License? seenInStore = null;
        var handler = new CallbackHandler(async e =>
        {
            if (e is LicenseIssued issued)
            {
                seenInStore = await sut!.Store.FindByIdAsync(issued.BusinessId, issued.License.Id);
            }
        });
        await using (sut = new TestServices(b => b.AddEventHandler(handler)))
        {
            var license = await sut.IssueAsync();

            seenInStore.Should().Be(license with { Key = string.Empty });
        }
    }

    [Test]
    public async Task HandlerTimingOut_DoesNotMakeAnyOperationThrowAfterItsWrite()
    {
        // An HttpClient timeout surfaces as TaskCanceledException although the caller cancelled nothing.
        var timingOut = new CallbackHandler(_ => Task.FromException(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.")));
        var cancelled = new CallbackHandler(_ => Task.FromException(new OperationCanceledException(new CancellationToken(canceled: true))));
        var events = new RecordingEventHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(timingOut).AddEventHandler(cancelled).AddEventHandler(events));

        var issued = await sut.Issuer.IssueAsync(TestServices.SeedRequest());
        var activated = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value!.Key, Name = "a" });
        var updated = await sut.Manager.DisableAsync(issued.Value.Id);
        var validated = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = issued.Value.Key });
        var deactivated = await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = issued.Value.Key, LicenseKeyInstanceId = activated.Value!.Instance.Id });

        new[] { issued.Succeeded, activated.Succeeded, updated.Succeeded, deactivated.Succeeded }.Should().AllBeEquivalentTo(true);
        validated.Code.Should().Be(LicenseValidationCode.Disabled);
        (await sut.AllLicensesAsync()).Should().ContainSingle();
        events.Events.Should().HaveCount(5, "the handlers after the failing ones still ran");
    }

    [Test]
    public async Task CallersOwnCancellationDuringAHandler_Surfaces()
    {
        using var caller = new CancellationTokenSource();
        var cancelling = new CallbackHandler(_ =>
        {
            caller.Cancel();
            caller.Token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        });
        await using var sut = new TestServices(b => b.AddEventHandler(cancelling));

        var act = () => sut.Issuer.IssueAsync(TestServices.SeedRequest(), caller.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private sealed class ThrowingHandler : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) => throw new InvalidOperationException("webhook down");
    }

    private sealed class CallbackHandler(Func<LicenseEvent, Task> callback) : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) => callback(licenseEvent);
    }
}
