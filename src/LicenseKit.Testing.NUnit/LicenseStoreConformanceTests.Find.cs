namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>A license of another business is not found, by id or by key.</summary>
    [Test]
    public async Task FindAsync_OtherBusiness_ReturnsNull()
    {
        var license = await StoreAsync(NewLicense());
        var other = BusinessId + "_other";

        (await CreateStore().FindByIdAsync(other, license.Id)).Should().BeNull();
        (await CreateStore().FindByKeyAsync(other, license.KeyHash!)).Should().BeNull();
    }

    /// <summary>Unknown ids and keys are not found.</summary>
    [Test]
    public async Task FindAsync_Unknown_ReturnsNull()
    {
        await StoreAsync(NewLicense());

        (await CreateStore().FindByIdAsync(BusinessId, "lic_unknown")).Should().BeNull();
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash("UNKNOWN-KEY"))).Should().BeNull();
    }

    /// <summary>A key stored in lower case is found by the hash of any spelling that normalizes alike.</summary>
    [Test]
    public async Task FindByKeyAsync_NormalizedKey_FindsKeyStoredInOtherCase()
    {
        var license = await StoreAsync(NewLicense(key: "abcd-efgh-9xyz"));

        var found = await CreateStore().FindByKeyAsync(BusinessId, KeyHash(" abcd-EFGH-9xyz "));

        found.Should().Be(license);
        found!.KeyHint.Should().Be("XYZ");
    }
}
