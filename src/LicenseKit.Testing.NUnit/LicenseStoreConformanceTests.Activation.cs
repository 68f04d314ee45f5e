using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>An activation under the limit inserts the instance, counts it, stamps the time and bumps the version.</summary>
    [Test]
    public async Task ActivateAsync_UnderLimit_InsertsInstanceAndIncrementsCount()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var activation = NewActivation(license, "device-1");

        var result = await CreateStore().ActivateAsync(activation);

        var expected = license with { InstancesCount = 1, UpdatedAt = activation.Now, Version = 2 };
        result.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.Activated, expected, activation.Instance));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(expected);
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, activation.Instance.Id, null)).Should().Be(activation.Instance);
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, null, "device-1")).Should().Be(activation.Instance);
    }

    /// <summary>An unknown license, or one of another business, is not found.</summary>
    [Test]
    public async Task ActivateAsync_UnknownOrOtherBusiness_ReturnsLicenseNotFound()
    {
        var license = await StoreAsync(NewLicense());

        var unknown = await CreateStore().ActivateAsync(NewActivation(NewLicense()));
        var otherBusiness = await CreateStore().ActivateAsync(NewActivation(license with { BusinessId = BusinessId + "_other" }));

        unknown.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound));
        otherBusiness.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
    }

    /// <summary>A disabled, revoked, archived or expired license is refused with that reason and without a write.</summary>
    /// <param name="state">Which state makes the license inactive.</param>
    /// <param name="reason">The outcome the store must report.</param>
    [TestCase("disabled", InstanceActivationOutcome.Disabled)]
    [TestCase("revoked", InstanceActivationOutcome.Revoked)]
    [TestCase("archived", InstanceActivationOutcome.Archived)]
    [TestCase("revoked-archived", InstanceActivationOutcome.Revoked)]
    [TestCase("expired-now", InstanceActivationOutcome.Expired)]
    [TestCase("expired-before", InstanceActivationOutcome.Expired)]
    public async Task ActivateAsync_InactiveLicense_ReturnsReasonWithoutWrite(string state, InstanceActivationOutcome reason)
    {
        var now = Epoch.AddDays(1);
        var template = NewLicense(activationsLimit: 5);
        var license = await StoreAsync(state switch
        {
            "disabled" => template with { Status = LicenseStatus.Disabled },
            "revoked" => template with { Status = LicenseStatus.Revoked },
            "archived" => template with { Archived = true },
            "revoked-archived" => template with { Status = LicenseStatus.Revoked, Archived = true },
            "expired-now" => template with { ExpiresAt = now },
            _ => template with { ExpiresAt = now.AddMilliseconds(-1) },
        });

        var result = await CreateStore().ActivateAsync(NewActivation(license, "device-1", now));

        result.Should().Be(new InstanceActivationResult(reason, license));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id)).Should().BeEmpty();
    }

    /// <summary>A license expiring one millisecond after the activation is still active.</summary>
    [Test]
    public async Task ActivateAsync_ExpiringAfterNow_ReturnsActivated()
    {
        var now = Epoch.AddDays(1);
        var license = await StoreAsync(NewLicense() with { ExpiresAt = now.AddMilliseconds(1) });

        var result = await CreateStore().ActivateAsync(NewActivation(license, null, now));

        result.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        result.License!.InstancesCount.Should().Be(1);
    }

    /// <summary>Activating a known fingerprint returns its instance and writes nothing.</summary>
    [Test]
    public async Task ActivateAsync_KnownFingerprint_ReturnsExistingInstanceWithoutWrite()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var first = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));

        var again = await CreateStore().ActivateAsync(NewActivation(license, "device-1", Epoch.AddDays(2)));

        again.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.ExistingInstance, first.License, first.Instance));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(first.License);
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id)).Should().Equal(first.Instance!);
    }

    /// <summary>A known fingerprint is found before the limit is checked, so a full license still returns it.</summary>
    [Test]
    public async Task ActivateAsync_KnownFingerprintAtLimit_ReturnsExistingInstance()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 1));
        var first = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));

        var again = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));

        again.Outcome.Should().Be(InstanceActivationOutcome.ExistingInstance);
        again.Instance.Should().Be(first.Instance);
        again.License!.InstancesCount.Should().Be(1);
    }

    /// <summary>The status is checked before the fingerprint: a known device of a disabled license is refused.</summary>
    [Test]
    public async Task ActivateAsync_KnownFingerprintOfDisabledLicense_ReturnsDisabled()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var first = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        var disabled = (await CreateStore().EditAsync(Edit(license, l => l with { Status = LicenseStatus.Disabled }))).License!;

        var result = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));

        result.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.Disabled, disabled));
    }

    /// <summary>A new device on a license whose live instances reached the limit is refused without a write.</summary>
    [Test]
    public async Task ActivateAsync_AtLimit_ReturnsLimitReachedWithoutWrite()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        var second = await CreateStore().ActivateAsync(NewActivation(license, null));

        var third = await CreateStore().ActivateAsync(NewActivation(license, "device-3"));

        third.Should().Be(new InstanceActivationResult(InstanceActivationOutcome.LimitReached, second.License));
        second.License!.InstancesCount.Should().Be(2);
        second.License.Version.Should().Be(3);
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id)).Should().HaveCount(2);
    }

    /// <summary>A license without limit takes any number of instances, with or without fingerprint.</summary>
    [Test]
    public async Task ActivateAsync_Unlimited_ActivatesEveryDevice()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: null));

        for (var i = 0; i < 10; i++)
        {
            var result = await CreateStore().ActivateAsync(NewActivation(license, i % 2 == 0 ? null : Fingerprint(i)));
            result.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        }

        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(10);
        stored.Version.Should().Be(11);
    }

    /// <summary>Fingerprints are unique per license only: one device may activate two licenses.</summary>
    [Test]
    public async Task ActivateAsync_SameFingerprintOnTwoLicenses_ActivatesBoth()
    {
        var first = await StoreAsync(NewLicense(activationsLimit: 1));
        var second = await StoreAsync(NewLicense(activationsLimit: 1));

        var a = await CreateStore().ActivateAsync(NewActivation(first, "device-1"));
        var b = await CreateStore().ActivateAsync(NewActivation(second, "device-1"));

        a.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        b.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        (await CreateStore().FindInstanceAsync(BusinessId, second.Id, null, "device-1")).Should().Be(b.Instance);
    }
}
