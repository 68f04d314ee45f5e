using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Client.Tests.Infrastructure;

/// <summary>A machine's clock: the shared fake time plus an offset the user can set, backwards too (FakeTimeProvider only moves forward).</summary>
public sealed class AdjustableClock(FakeTimeProvider time) : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow() + Offset;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        time.CreateTimer(callback, state, dueTime, period);
}
