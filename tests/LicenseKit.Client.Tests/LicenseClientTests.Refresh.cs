using LicenseKit.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Client.Tests;

public sealed partial class LicenseClientTests
{
    [Test]
    public async Task RefreshAsync_LicenseStillGood_StoresAFreshToken()
    {
        var license = await _server.IssueAsync();
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage);
        await client.ActivateAsync(license.Key);
        var firstToken = storage.Load()!.Token;

        _server.Time.Advance(TimeSpan.FromDays(4));
        var state = await client.RefreshAsync();

        state.Code.Should().Be(LicenseStateCode.Licensed);
        state.ValidUntil.Should().Be(_server.Time.GetUtcNow() + LicenseServer.TokenLifetime);
        storage.Load()!.Token.Should().NotBe(firstToken);
        state.Claims!.IssuedAt.Should().Be(_server.Time.GetUtcNow());
    }

    [TestCase("revoke", LicenseStateCode.Revoked, "REVOKED")]
    [TestCase("disable", LicenseStateCode.Disabled, "DISABLED")]
    [TestCase("archive", LicenseStateCode.Archived, "ARCHIVED")]
    public async Task RefreshAsync_ServerEndedTheLicense_UnlicensesAndRemovesTheToken(string change, LicenseStateCode expected, string serverCode)
    {
        var license = await _server.IssueAsync();
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage);
        await client.ActivateAsync(license.Key);
        var changed = change switch
        {
            "revoke" => await _server.Manager.RevokeAsync(license.Id),
            "disable" => await _server.Manager.DisableAsync(license.Id),
            _ => await _server.Manager.SetArchivedAsync(license.Id, archived: true),
        };
        changed.Succeeded.Should().BeTrue();

        var offlineCheck = client.Check();
        var state = await client.RefreshAsync();

        offlineCheck.Code.Should().Be(LicenseStateCode.Licensed, "the token alone cannot know until the next refresh");
        state.Code.Should().Be(expected);
        state.ServerCode.Should().Be(serverCode);
        state.IsLicensed.Should().BeFalse();
        storage.Load().Should().BeNull();
        client.Check().Code.Should().Be(expected);
        Machine("laptop", storage).Check().Code.Should().Be(LicenseStateCode.NotActivated);
    }

    [Test]
    public async Task RefreshAsync_LicenseExpiredOnServer_RemovesTheToken()
    {
        var license = await _server.IssueAsync(durationHours: 24);
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage);
        await client.ActivateAsync(license.Key);

        _server.Time.Advance(TimeSpan.FromHours(25));
        var state = await client.RefreshAsync();

        state.Code.Should().Be(LicenseStateCode.Expired);
        state.ServerCode.Should().Be("EXPIRED");
        storage.Load().Should().BeNull();
    }

    [Test]
    public async Task RefreshAsync_ActivationRemovedOnServer_IsDeactivatedAndRemovesTheToken()
    {
        var license = await _server.IssueAsync();
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage);
        var activated = await client.ActivateAsync(license.Key);
        await _server.Services.GetRequiredService<ILicenseActivator>().DeactivateAsync(
            new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = activated.Claims!.InstanceId! });

        var state = await client.RefreshAsync();

        state.Code.Should().Be(LicenseStateCode.Deactivated);
        state.ServerCode.Should().Be("INSTANCE_NOT_FOUND");
        storage.Load().Should().BeNull();
    }

    [Test]
    public async Task StartBackgroundRefresh_RenewsBeforeTheTokenRunsOut_AndGoesOfflineWhenTheNetworkIsGone()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch();
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage, network);
        await client.ActivateAsync(license.Key);
        var states = new System.Collections.Concurrent.BlockingCollection<LicenseState>();
        client.StateChanged += (_, state) => states.Add(state);
        client.StartBackgroundRefresh();

        _server.Time.Advance(TimeSpan.FromDays(3.5) - TimeSpan.FromMilliseconds(1));
        var beforeDue = network.Requests;
        _server.Time.Advance(TimeSpan.FromMilliseconds(1));
        var renewed = Next(states);
        network.Mode = NetworkMode.Unplugged;
        _server.Time.Advance(TimeSpan.FromDays(3.5));
        var offline = Next(states);
        _server.Time.Advance(TimeSpan.FromMinutes(15));
        var retried = Next(states);

        beforeDue.Should().Be(1, "only the activation went out before half the token's lifetime");
        renewed.Code.Should().Be(LicenseStateCode.Licensed);
        renewed.ValidUntil.Should().Be(LicenseServer.Start + TimeSpan.FromDays(3.5) + LicenseServer.TokenLifetime);
        offline.Code.Should().Be(LicenseStateCode.LicensedOffline);
        retried.Code.Should().Be(LicenseStateCode.LicensedOffline);
        network.Requests.Should().Be(4);
    }

    private static LicenseState Next(System.Collections.Concurrent.BlockingCollection<LicenseState> states)
    {
        // A bound against a hung test only: the refresh itself needs no wall-clock time.
        states.TryTake(out var state, TimeSpan.FromSeconds(30)).Should().BeTrue("the background refresh reports every run");
        return state!;
    }
}
