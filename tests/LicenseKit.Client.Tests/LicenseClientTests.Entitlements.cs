using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests;

public sealed partial class LicenseClientTests
{
    [Test]
    public async Task HasEntitlement_AfterActivation_AnswersFromTheSignedLicenseAlsoOffline()
    {
        var license = await _server.IssueAsync(entitlements: ["export-pdf", "sso"]);
        var network = new NetworkSwitch();
        var client = Machine("laptop", new InMemoryLicenseTokenStorage(), network);

        var activated = await client.ActivateAsync(license.Key);
        network.Mode = NetworkMode.Unplugged;
        var offline = client.Check();

        activated.HasEntitlement("export-pdf").Should().BeTrue();
        activated.HasEntitlement("audit-log").Should().BeFalse();
        offline.IsLicensed.Should().BeTrue();
        offline.HasEntitlement("sso").Should().BeTrue();
        offline.Claims!.Entitlements.Should().Equal("export-pdf", "sso");
    }

    [Test]
    public async Task HasEntitlement_OnceTheLicenseExpired_IsFalseThoughTheClaimsStillNameIt()
    {
        var license = await _server.IssueAsync(durationHours: 1, entitlements: ["export-pdf"]);
        var client = Machine("laptop", new InMemoryLicenseTokenStorage());
        await client.ActivateAsync(license.Key);

        _server.Time.Advance(TimeSpan.FromHours(2));
        var state = client.Check();

        state.Code.Should().Be(LicenseStateCode.Expired);
        state.Claims!.HasEntitlement("export-pdf").Should().BeTrue();
        state.HasEntitlement("export-pdf").Should().BeFalse();
    }

    [Test]
    public async Task HasEntitlement_OfALicenseWithoutEntitlements_IsFalse()
    {
        var license = await _server.IssueAsync();
        var client = Machine("laptop", new InMemoryLicenseTokenStorage());

        var state = await client.ActivateAsync(license.Key);

        state.IsLicensed.Should().BeTrue();
        state.HasEntitlement("export-pdf").Should().BeFalse();
        state.Claims!.Entitlements.Should().BeEmpty();
    }
}
