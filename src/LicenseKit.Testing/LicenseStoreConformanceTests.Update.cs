using LicenseKit.Stores;

namespace LicenseKit.Testing;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>An update against the stored version replaces the license and bumps the version.</summary>
    [Test]
    public async Task UpdateAsync_CurrentVersion_ReturnsUpdatedAndPersists()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var changed = license with
        {
            Status = LicenseStatus.Revoked,
            ActivationsLimit = 5,
            Metadata = new LicenseMetadata([new("plan", "team")]),
            ExpiresAt = Epoch.AddDays(30),
            UpdatedAt = Epoch.AddHours(1),
            Version = 2,
        };

        var result = await CreateStore().UpdateAsync(changed, expectedVersion: 1);

        result.Should().Be(new LicenseEditResult(LicenseEditOutcome.Updated, changed));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(changed);
    }

    /// <summary>An update against a stale version is refused with the stored license, which stays unchanged.</summary>
    [Test]
    public async Task UpdateAsync_StaleVersion_ReturnsConflictWithStoredLicense()
    {
        var license = await StoreAsync(NewLicense());
        var first = license with { ProductId = "prod_first", Version = 2 };
        (await CreateStore().UpdateAsync(first, 1)).Outcome.Should().Be(LicenseEditOutcome.Updated);

        var result = await CreateStore().UpdateAsync(license with { ProductId = "prod_second", Version = 2 }, expectedVersion: 1);

        result.Should().Be(new LicenseEditResult(LicenseEditOutcome.ConcurrencyConflict, first));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(first);
    }

    /// <summary>Updating an unknown license, or one of another business, reports not found.</summary>
    [Test]
    public async Task UpdateAsync_UnknownOrOtherBusiness_ReturnsNotFound()
    {
        var license = await StoreAsync(NewLicense());

        var unknown = await CreateStore().UpdateAsync(NewLicense() with { Version = 2 }, 1);
        var otherBusiness = await CreateStore().UpdateAsync(license with { BusinessId = BusinessId + "_other", Version = 2 }, 1);

        unknown.Should().Be(new LicenseEditResult(LicenseEditOutcome.NotFound));
        otherBusiness.Should().Be(new LicenseEditResult(LicenseEditOutcome.NotFound));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
    }
}
