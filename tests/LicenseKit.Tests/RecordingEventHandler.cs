using System.Collections.Concurrent;

namespace LicenseKit.Tests;

/// <summary>Collects every event it receives, in order.</summary>
internal sealed class RecordingEventHandler : ILicenseEventHandler
{
    private readonly ConcurrentQueue<LicenseEvent> _events = new();

    public IReadOnlyList<LicenseEvent> Events => [.. _events];

    public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(licenseEvent);
        return Task.CompletedTask;
    }
}
