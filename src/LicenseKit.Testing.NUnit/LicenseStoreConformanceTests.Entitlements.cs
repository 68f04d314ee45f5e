using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>A license's own entitlements are kept as a set: created, read back by id, key and list, equal as given.</summary>
    [Test]
    public async Task CreateAsync_WithEntitlements_ReadsBackEqualEverywhere()
    {
        var license = NewLicense() with { Entitlements = new LicenseEntitlements(["sso", "export-pdf", "reports:advanced.v2_beta"]) };

        var result = await CreateStore().CreateAsync(license, null);

        result.License.Should().Be(license);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.Entitlements.Should().Equal("export-pdf", "reports:advanced.v2_beta", "sso");
        (await CreateStore().FindByKeyAsync(BusinessId, license.KeyHash!)).Should().Be(license);
        (await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 10 })).Should().Equal(license);
    }

    /// <summary>A license without entitlements reads back without them (<see langword="null"/>), not as an empty set.</summary>
    [Test]
    public async Task CreateAsync_WithoutEntitlements_ReadsBackNull()
    {
        var license = await StoreAsync(NewLicense());

        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.Entitlements.Should().BeNull();
    }

    /// <summary>The most entitlements a license may hold, each of the longest name, survive a round trip.</summary>
    [Test]
    public async Task CreateAsync_WithTheMostAndLongestEntitlements_ReadsBackEqual()
    {
        var names = Enumerable.Range(0, LicenseLimits.MaxEntitlements)
            .Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture).PadRight(LicenseLimits.MaxEntitlementNameLength, 'x'));
        var license = NewLicense() with { Entitlements = new LicenseEntitlements(names) };

        await StoreAsync(license);

        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
    }

    /// <summary>An edit replaces the entitlements, or removes them; activations keep them.</summary>
    [Test]
    public async Task EditAsync_Entitlements_AreReplacedRemovedAndKeptByActivations()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3) with { Entitlements = new LicenseEntitlements(["sso"]) });

        var replaced = await CreateStore().EditAsync(Edit(license, l => l with { Entitlements = new LicenseEntitlements(["api", "audit-log"]) }));
        var activated = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        var afterActivation = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        var removed = await CreateStore().EditAsync(Edit(license, l => l with { Entitlements = null }));

        replaced.License!.Entitlements.Should().Equal("api", "audit-log");
        activated.License!.Entitlements.Should().Equal("api", "audit-log");
        afterActivation!.Entitlements.Should().Equal("api", "audit-log");
        removed.License!.Entitlements.Should().BeNull();
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.Entitlements.Should().BeNull();
    }
}
