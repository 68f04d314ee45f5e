using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

// U+0000 in a lookup value: no stored value holds it (PostgreSQL's text cannot), so every store finds nothing and fails
// on nothing.
public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>Ids, keys, instance ids and fingerprints containing U+0000 find nothing.</summary>
    [Test]
    public async Task Lookups_WithNulCharacter_FindNothing()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var activated = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));

        (await CreateStore().FindByIdAsync(BusinessId, license.Id + "\0")).Should().BeNull();
        (await CreateStore().FindByIdAsync(BusinessId + "\0", license.Id)).Should().BeNull();
        (await CreateStore().FindByKeyAsync(BusinessId, "AB\0CD")).Should().BeNull();
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, activated.Instance!.Id + "\0", null)).Should().BeNull();
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, null, "device-1\0")).Should().BeNull();
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id + "\0", activated.Instance.Id, null)).Should().BeNull();
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id + "\0")).Should().BeEmpty();
        (await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { CustomerId = "cust\0" })).Should().BeEmpty();
        (await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { ProductId = "\0" })).Should().BeEmpty();
    }

    /// <summary>Writes addressed by a value containing U+0000 find nothing to write, and write nothing.</summary>
    [Test]
    public async Task Writes_AddressedWithNulCharacter_ReportNotFound()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var activated = (await CreateStore().ActivateAsync(NewActivation(license, "device-1"))).License!;

        var deactivateUnknownInstance = await CreateStore().DeactivateAsync(BusinessId, license.Id, "lki_\0", Epoch.AddDays(2));
        var deactivateUnknownLicense = await CreateStore().DeactivateAsync(BusinessId, license.Id + "\0", "lki_x", Epoch.AddDays(2));
        var activate = await CreateStore().ActivateAsync(NewActivation(license with { Id = license.Id + "\0" }, "device-2"));
        var edit = await CreateStore().EditAsync(Edit(license with { Id = license.Id + "\0" }, l => l with { ActivationMessage = "x" }));

        deactivateUnknownInstance.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, activated));
        deactivateUnknownLicense.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound));
        activate.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound));
        edit.Should().Be(new LicenseEditResult(LicenseEditOutcome.NotFound));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(activated);
    }

    /// <summary>
    /// A list position whose id contains U+0000 orders like any other string: for stored ids, "before p + U+0000 + q" is
    /// "at or before p", so the page starts with the license whose id is p.
    /// </summary>
    [Test]
    public async Task ListAsync_PositionWithNulCharacter_StartsAtItsPrefix()
    {
        var first = await StoreAsync(NewLicense());
        var second = await StoreAsync(NewLicense());
        await StoreAsync(NewLicense());

        var page = await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { After = new LicenseKeysetPosition(second.CreatedAt, second.Id + "\0zzz") });

        page.Should().Equal(second, first);
    }
}
