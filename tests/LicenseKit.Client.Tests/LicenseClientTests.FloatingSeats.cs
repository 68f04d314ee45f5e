using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests;

// Floating seats: the background refresh heartbeats the seat's lease, and a client that releases its seat on dispose
// frees it for another machine at once.
public sealed partial class LicenseClientTests
{
    [Test]
    public async Task StartBackgroundRefresh_OnAFloatingSeat_HeartbeatsSoTheSeatIsKept()
    {
        var license = await _server.IssueAsync(activationsLimit: 1, productId: LicenseServer.FloatingProduct);
        var client = Machine("agent-1", new InMemoryLicenseTokenStorage());
        var activated = await client.ActivateAsync(license.Key);
        var states = new System.Collections.Concurrent.BlockingCollection<LicenseState>();
        client.StateChanged += (_, state) => states.Add(state);
        client.StartBackgroundRefresh();

        // The token lives as long as the lease (15 minutes), so the refresh heartbeats at half of it, again and again.
        var beats = new List<LicenseState>();
        for (var i = 0; i < 4; i++)
        {
            _server.Time.Advance(LicenseServer.Lease / 2);
            beats.Add(Next(states));
        }

        activated.ValidUntil.Should().Be(LicenseServer.Start + LicenseServer.Lease);
        beats.Should().OnlyContain(s => s.Code == LicenseStateCode.Licensed);
        beats[^1].ValidUntil.Should().Be(LicenseServer.Start + (LicenseServer.Lease * 2) + LicenseServer.Lease);
        (await _server.InstancesAsync(license.Id)).Should().ContainSingle()
            .Which.LeaseExpiresAt.Should().Be(LicenseServer.Start + (LicenseServer.Lease * 2) + LicenseServer.Lease);
        (await Machine("agent-2", new InMemoryLicenseTokenStorage()).ActivateAsync(license.Key)).Code.Should().Be(LicenseStateCode.ActivationLimitReached);
    }

    [Test]
    public async Task DisposeAsync_WithReleaseSeatOnDispose_FreesTheSeatForAnotherMachine()
    {
        var license = await _server.IssueAsync(activationsLimit: 1, productId: LicenseServer.FloatingProduct);
        var storage = new InMemoryLicenseTokenStorage();
        var network = new NetworkSwitch { InnerHandler = _server.CreateHandler() };
        var options = _server.ClientOptions("agent-1", storage);
        options.ReleaseSeatOnDispose = true;
        var client = new LicenseClient(options, new HttpClient(network));
        (await client.ActivateAsync(license.Key)).IsLicensed.Should().BeTrue();

        await client.DisposeAsync();

        (await _server.InstancesAsync(license.Id)).Should().BeEmpty();
        storage.Load().Should().BeNull();
        (await Machine("agent-2", new InMemoryLicenseTokenStorage()).ActivateAsync(license.Key)).IsLicensed.Should().BeTrue();
    }

    [Test]
    public async Task DisposeAsync_WithoutReleaseSeatOnDispose_KeepsTheSeatAndTheStoredLicense()
    {
        var license = await _server.IssueAsync(activationsLimit: 1);
        var storage = new InMemoryLicenseTokenStorage();
        var client = _server.CreateClient("laptop", storage);
        await client.ActivateAsync(license.Key);

        await client.DisposeAsync();

        (await _server.InstancesAsync(license.Id)).Should().ContainSingle();
        storage.Load().Should().NotBeNull();
    }
}
