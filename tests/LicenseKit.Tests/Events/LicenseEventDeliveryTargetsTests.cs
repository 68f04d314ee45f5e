using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Events;

/// <summary>
/// Each handler, and each target of a fan-out handler, is a delivery target of its own: when one fails, the retry (and
/// the re-drive of a parked event) goes only to the targets that have not taken the event.
/// </summary>
public class LicenseEventDeliveryTargetsTests
{
    [Test]
    public async Task TwoHandlers_OneThrowingOnce_TheOtherRunsOnce()
    {
        var steady = new CountingHandler();
        var flaky = new FlakyHandler(failures: 1);
        await using var sut = new TestServices(b => b.AddEventHandler(flaky).AddEventHandler(steady));
        await sut.IssueAsync();

        await sut.DeliverEventsAsync();
        var failed = await SingleEventAsync(sut);
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.DeliverEventsAsync();

        steady.Count.Should().Be(1, "the handler that took the event is not given it again on the retry");
        flaky.Calls.Should().Be(2);
        failed.State.Should().Be(LicenseEventState.Pending);
        failed.DeliveredTargets.Should().Equal(typeof(CountingHandler).ToString());
        failed.LastError.Should().Be($"{typeof(FlakyHandler)}: InvalidOperationException: down");
        (await SingleEventAsync(sut)).Should().Match<LicenseEventRecord>(e => e.State == LicenseEventState.Delivered && e.Attempts == 2);
    }

    [Test]
    public async Task ParkedEvent_Redriven_SkipsTheTargetsThatTookIt()
    {
        var steady = new CountingHandler();
        var flaky = new FlakyHandler(failures: 2);
        await using var sut = new TestServices(b => b.AddEventHandler(steady).AddEventHandler(flaky), s => s.Configure<LicenseEventDeliveryOptions>(o => o.MaxAttempts = 2));
        await sut.IssueAsync();

        await sut.DeliverEventsAsync();
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.DeliverEventsAsync();
        var parked = await SingleEventAsync(sut);
        (await sut.Events.RedriveAsync(parked.Id)).Value!.DeliveredTargets.Should().Equal(parked.DeliveredTargets);
        await sut.DeliverEventsAsync();

        parked.State.Should().Be(LicenseEventState.Parked);
        parked.DeliveredTargets.Should().Equal(typeof(CountingHandler).ToString());
        steady.Count.Should().Be(1, "a re-drive does not go to a target that took the event");
        flaky.Calls.Should().Be(3);
        (await SingleEventAsync(sut)).State.Should().Be(LicenseEventState.Delivered);
    }

    [Test]
    public async Task FanOutHandler_TargetFailingOnce_TheOtherTargetsGetTheEventOnce()
    {
        var fanOut = new FanOutHandler("crm", "billing", "mail") { FailuresOf = { ["billing"] = 1 } };
        var steady = new CountingHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(fanOut).AddEventHandler(steady));
        await sut.IssueAsync();

        await sut.DeliverEventsAsync();
        var failed = await SingleEventAsync(sut);
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.DeliverEventsAsync();

        fanOut.Delivered.Should().BeEquivalentTo(["crm", "billing", "mail"], "each target took the event once");
        steady.Count.Should().Be(1);
        failed.DeliveredTargets.Should().BeEquivalentTo($"{typeof(FanOutHandler)}/crm", $"{typeof(FanOutHandler)}/mail", typeof(CountingHandler).ToString());
        failed.LastError.Should().Be($"{typeof(FanOutHandler)}/billing: InvalidOperationException: billing down");
        (await SingleEventAsync(sut)).State.Should().Be(LicenseEventState.Delivered);
    }

    [Test]
    public async Task SameHandlerTypeRegisteredTwice_IsTwoTargets()
    {
        var first = new FlakyHandler(failures: 0);
        var second = new FlakyHandler(failures: 1);
        await using var sut = new TestServices(b => b.AddEventHandler(first).AddEventHandler(second));
        await sut.IssueAsync();

        await sut.DeliverEventsAsync();
        var failed = await SingleEventAsync(sut);
        sut.Time.Advance(TimeSpan.FromMinutes(1));
        await sut.DeliverEventsAsync();

        first.Calls.Should().Be(1);
        second.Calls.Should().Be(2);
        failed.DeliveredTargets.Should().Equal(typeof(FlakyHandler).ToString());
        failed.LastError.Should().StartWith($"{typeof(FlakyHandler)}#2: ");
    }

    [Test]
    public async Task FanOutTargetNameWithALineBreak_FailsThatTargetOnly_WithoutDeliveringToIt()
    {
        var fanOut = new FanOutHandler("crm", "bad\nname");
        await using var sut = new TestServices(b => b.AddEventHandler(fanOut));
        await sut.IssueAsync();

        await sut.DeliverEventsAsync();

        fanOut.Delivered.Should().Equal("crm");
        var failed = await SingleEventAsync(sut);
        failed.State.Should().Be(LicenseEventState.Pending);
        failed.DeliveredTargets.Should().Equal($"{typeof(FanOutHandler)}/crm");
        failed.LastError.Should().Be($"{typeof(FanOutHandler)}/bad name: InvalidOperationException: A delivery target name must not be empty or hold a line break.");
    }

    [Test]
    public async Task HandlerThatCannotBeBuilt_FailsTheAttempt_AndTheEventIsRetried()
    {
        var builds = 0;
        // The request that issues builds it once (for a validation's events); the dispatcher's scope cannot.
        await using var sut = new TestServices(services: s => s.AddScoped<ILicenseEventHandler>(_ =>
            Interlocked.Increment(ref builds) > 1 ? throw new InvalidOperationException("no config") : new CountingHandler()));
        await sut.IssueAsync();

        (await sut.DeliverEventsAsync()).Should().Be(1);

        (await SingleEventAsync(sut)).Should().Match<LicenseEventRecord>(e =>
            e.State == LicenseEventState.Pending && e.Attempts == 1 && e.LastError == "handlers: InvalidOperationException: no config" && e.DeliveredTargets.Count == 0);
    }

    private static async Task<LicenseEventRecord> SingleEventAsync(TestServices sut) =>
        (await sut.Events.ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Subject;

    private sealed class CountingHandler : ILicenseEventHandler
    {
        private int _count;

        public int Count => _count;

        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>Throws on its first <c>failures</c> calls.</summary>
    private sealed class FlakyHandler(int failures) : ILicenseEventHandler
    {
        private int _calls;

        public int Calls => _calls;

        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures ? throw new InvalidOperationException("down") : Task.CompletedTask;
    }

    /// <summary>Delivers to named targets; a target in <see cref="FailuresOf"/> throws that many times first.</summary>
    private sealed class FanOutHandler(params string[] targets) : ILicenseEventFanOutHandler
    {
        public ConcurrentDictionary<string, int> FailuresOf { get; } = new();

        public ConcurrentQueue<string> Delivered { get; } = new();

        public IReadOnlyList<string> TargetsFor(LicenseEvent licenseEvent) => targets;

        public Task HandleAsync(LicenseEvent licenseEvent, string target, CancellationToken cancellationToken)
        {
            if (FailuresOf.TryGetValue(target, out var left) && left > 0)
            {
                FailuresOf[target] = left - 1;
                throw new InvalidOperationException(target + " down");
            }

            Delivered.Enqueue(target);
            return Task.CompletedTask;
        }

        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) =>
            Task.WhenAll(targets.Select(t => HandleAsync(licenseEvent, t, cancellationToken)));
    }
}
