using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>Deactivation deletes the instance, decrements the count, stamps the time, bumps the version and frees the slot.</summary>
    [Test]
    public async Task DeactivateAsync_LiveInstance_DeletesItAndFreesTheSlot()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 1));
        var activated = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        var now = Epoch.AddDays(3);

        var result = await CreateStore().DeactivateAsync(BusinessId, license.Id, activated.Instance!.Id, now);

        var expected = activated.License! with { InstancesCount = 0, UpdatedAt = now, Version = 3 };
        result.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.Deactivated, expected, activated.Instance));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(expected);
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, activated.Instance.Id, null)).Should().BeNull();
        (await CreateStore().ActivateAsync(NewActivation(license, "device-2"))).Outcome.Should().Be(InstanceActivationOutcome.Activated);
    }

    /// <summary>Deactivating the same instance twice reports the second time that the instance is gone.</summary>
    [Test]
    public async Task DeactivateAsync_Twice_ReturnsInstanceNotFound()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var activated = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        var first = await CreateStore().DeactivateAsync(BusinessId, license.Id, activated.Instance!.Id, Epoch.AddDays(2));

        var second = await CreateStore().DeactivateAsync(BusinessId, license.Id, activated.Instance.Id, Epoch.AddDays(3));

        second.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, first.License));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(first.License);
    }

    /// <summary>An unknown license, or one of another business, is not found.</summary>
    [Test]
    public async Task DeactivateAsync_UnknownOrOtherBusiness_ReturnsLicenseNotFound()
    {
        var license = await StoreAsync(NewLicense());
        var activated = await CreateStore().ActivateAsync(NewActivation(license));

        var unknown = await CreateStore().DeactivateAsync(BusinessId, "lic_unknown", activated.Instance!.Id, Epoch);
        var otherBusiness = await CreateStore().DeactivateAsync(BusinessId + "_other", license.Id, activated.Instance.Id, Epoch);

        unknown.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound));
        otherBusiness.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(activated.License);
    }

    /// <summary>An instance of another license cannot be deactivated through this one.</summary>
    [Test]
    public async Task DeactivateAsync_InstanceOfOtherLicense_ReturnsInstanceNotFound()
    {
        var license = await StoreAsync(NewLicense());
        var other = await StoreAsync(NewLicense());
        var activated = await CreateStore().ActivateAsync(NewActivation(other, "device-1"));

        var result = await CreateStore().DeactivateAsync(BusinessId, license.Id, activated.Instance!.Id, Epoch.AddDays(2));

        result.Should().Be(new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, license));
        (await CreateStore().FindInstanceAsync(BusinessId, other.Id, activated.Instance.Id, null)).Should().Be(activated.Instance);
    }

    /// <summary>Instances are found by id first, else by fingerprint, and only through their own license and business.</summary>
    [Test]
    public async Task FindInstanceAsync_ById_ByFingerprint_AndScoped()
    {
        var license = await StoreAsync(NewLicense());
        var other = await StoreAsync(NewLicense());
        var a = (await CreateStore().ActivateAsync(NewActivation(license, "device-a"))).Instance!;
        var b = (await CreateStore().ActivateAsync(NewActivation(license, "device-b"))).Instance!;
        var store = CreateStore();

        (await store.FindInstanceAsync(BusinessId, license.Id, a.Id, null)).Should().Be(a);
        (await store.FindInstanceAsync(BusinessId, license.Id, a.Id, "device-b")).Should().Be(a);
        (await store.FindInstanceAsync(BusinessId, license.Id, null, "device-b")).Should().Be(b);
        (await store.FindInstanceAsync(BusinessId, license.Id, "lki_unknown", "device-b")).Should().BeNull();
        (await store.FindInstanceAsync(BusinessId, license.Id, null, null)).Should().BeNull();
        (await store.FindInstanceAsync(BusinessId, other.Id, a.Id, null)).Should().BeNull();
        (await store.FindInstanceAsync(BusinessId + "_other", license.Id, a.Id, null)).Should().BeNull();
    }

    /// <summary>Instances list oldest first, ties broken by ordinal id; other licenses and businesses see none.</summary>
    [Test]
    public async Task ListInstancesAsync_OrdersOldestFirstThenById()
    {
        var license = await StoreAsync(NewLicense());
        var token = Guid.NewGuid().ToString("N")[..8];
        var late = NewActivation(license, "late", Epoch.AddDays(2));
        var tieLower = NewActivation(license, "tie-lower", Epoch.AddDays(1));
        var tieUpper = NewActivation(license, "tie-upper", Epoch.AddDays(1));
        tieLower = tieLower with { Instance = tieLower.Instance with { Id = $"lki_{token}a" } };
        tieUpper = tieUpper with { Instance = tieUpper.Instance with { Id = $"lki_{token}B" } };
        foreach (var activation in new[] { late, tieLower, tieUpper })
        {
            (await CreateStore().ActivateAsync(activation)).Outcome.Should().Be(InstanceActivationOutcome.Activated);
        }

        var instances = await CreateStore().ListInstancesAsync(BusinessId, license.Id);

        instances.Should().Equal(tieUpper.Instance, tieLower.Instance, late.Instance);
        (await CreateStore().ListInstancesAsync(BusinessId + "_other", license.Id)).Should().BeEmpty();
        (await CreateStore().ListInstancesAsync(BusinessId, "lic_unknown")).Should().BeEmpty();
    }
}
