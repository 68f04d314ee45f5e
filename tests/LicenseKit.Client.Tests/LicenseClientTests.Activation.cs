using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests;

public sealed partial class LicenseClientTests
{
    [Test]
    public async Task ActivateAsync_FreshMachine_IsLicensedAndStoresTheSignedLicense()
    {
        var license = await _server.IssueAsync();
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage);

        var before = client.Check();
        var state = await client.ActivateAsync($"  {license.Key.ToLowerInvariant()} ");

        before.Code.Should().Be(LicenseStateCode.NotActivated);
        state.Code.Should().Be(LicenseStateCode.Licensed);
        state.IsLicensed.Should().BeTrue();
        state.Message.Should().Be("Thank you! Your license is now active.");
        state.ValidUntil.Should().Be(LicenseServer.Start + LicenseServer.TokenLifetime);
        state.Claims!.LicenseId.Should().Be(license.Id);
        state.Claims.Fingerprint.Should().Be("fp-laptop");
        storage.Load()!.Token.Should().StartWith("LK1.");
        client.Check().Code.Should().Be(LicenseStateCode.Licensed);
        var instances = await _server.InstancesAsync(license.Id);
        instances.Should().ContainSingle().Which.Should().Match<LicenseInstance>(i => i.Id == state.Claims.InstanceId && i.Fingerprint == "fp-laptop" && i.Name == "laptop");
    }

    [Test]
    public async Task ActivateAsync_SameMachineTwice_KeepsOneSeat()
    {
        var license = await _server.IssueAsync(activationsLimit: 1);
        var client = Machine("laptop", new InMemoryLicenseTokenStorage());

        var first = await client.ActivateAsync(license.Key);
        var second = await client.ActivateAsync(license.Key);

        second.Code.Should().Be(LicenseStateCode.Licensed);
        second.Claims!.InstanceId.Should().Be(first.Claims!.InstanceId);
        (await _server.InstancesAsync(license.Id)).Should().ContainSingle();
    }

    [Test]
    public async Task ActivateAsync_LimitReached_ReportsItsReasonAndStoresNothing()
    {
        var license = await _server.IssueAsync(activationsLimit: 1);
        await Machine("laptop", new InMemoryLicenseTokenStorage()).ActivateAsync(license.Key);
        var desktopStorage = new InMemoryLicenseTokenStorage();
        var desktop = Machine("desktop", desktopStorage);

        var state = await desktop.ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.ActivationLimitReached);
        state.IsLicensed.Should().BeFalse();
        state.ServerCode.Should().Be("LICENSE_KEY_LIMIT_REACHED");
        state.Message.Should().NotBeNullOrEmpty();
        desktopStorage.Load().Should().BeNull();
        desktop.Check().Code.Should().Be(LicenseStateCode.NotActivated);
    }

    [Test]
    public async Task ActivateAsync_UnknownKey_ReportsNotFound()
    {
        var client = Machine("laptop", new InMemoryLicenseTokenStorage());

        var state = await client.ActivateAsync("ZZZZ-ZZZZ-ZZZZ-ZZZZ");

        state.Code.Should().Be(LicenseStateCode.NotFound);
        state.ServerCode.Should().Be("LICENSE_KEY_NOT_FOUND");
    }

    [Test]
    public async Task ActivateAsync_RevokedLicense_ReportsRevoked()
    {
        var license = await _server.IssueAsync();
        await _server.Manager.RevokeAsync(license.Id);

        var state = await Machine("laptop", new InMemoryLicenseTokenStorage()).ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.Revoked);
        state.ServerCode.Should().Be("LICENSE_REVOKED");
    }

    [Test]
    public async Task ActivateAsync_NetworkDown_ReportsServerUnreachable()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch { Mode = NetworkMode.Unplugged };

        var state = await Machine("laptop", new InMemoryLicenseTokenStorage(), network).ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.ServerUnreachable);
        state.Message.Should().Contain("No route to host");
        network.Requests.Should().Be(1);
    }

    [Test]
    public async Task ActivateAsync_NoMachineId_ReportsFingerprintUnavailableWithoutCallingTheServer()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch { InnerHandler = _server.CreateHandler() };
        var options = _server.ClientOptions("laptop", new InMemoryLicenseTokenStorage());
        options.FingerprintProvider = new FixedFingerprint(null);
        var client = Track(new LicenseClient(options, new HttpClient(network)));

        var state = await client.ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.FingerprintUnavailable);
        network.Requests.Should().Be(0);
    }

    [Test]
    public async Task DeactivateAsync_ThenActivateElsewhere_MovesTheSeat()
    {
        var license = await _server.IssueAsync(activationsLimit: 1);
        var laptopStorage = new InMemoryLicenseTokenStorage();
        var laptop = Machine("laptop", laptopStorage);
        var desktop = Machine("desktop", new InMemoryLicenseTokenStorage());
        await laptop.ActivateAsync(license.Key);
        var refused = await desktop.ActivateAsync(license.Key);

        var deactivated = await laptop.DeactivateAsync();
        var moved = await desktop.ActivateAsync(license.Key);

        refused.Code.Should().Be(LicenseStateCode.ActivationLimitReached);
        deactivated.Code.Should().Be(LicenseStateCode.NotActivated);
        laptopStorage.Load().Should().BeNull();
        laptop.Check().Code.Should().Be(LicenseStateCode.NotActivated);
        moved.Code.Should().Be(LicenseStateCode.Licensed);
        (await _server.InstancesAsync(license.Id)).Should().ContainSingle().Which.Fingerprint.Should().Be("fp-desktop");
    }

    [Test]
    public async Task DeactivateAsync_NetworkDown_KeepsTheLicenseAndSaysUnreachable()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch();
        var storage = new InMemoryLicenseTokenStorage();
        var client = Machine("laptop", storage, network);
        await client.ActivateAsync(license.Key);
        network.Mode = NetworkMode.Unplugged;

        var state = await client.DeactivateAsync();

        state.Code.Should().Be(LicenseStateCode.ServerUnreachable);
        storage.Load().Should().NotBeNull();
        client.Check().Code.Should().Be(LicenseStateCode.Licensed);
        (await _server.InstancesAsync(license.Id)).Should().ContainSingle();
    }
}
