using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>A created license reads back equal, every field and the metadata included.</summary>
    [Test]
    public async Task CreateAsync_NewLicense_ReturnsCreatedAndReadsBackEqual()
    {
        var license = NewLicense(activationsLimit: 3) with
        {
            PaymentId = "pay_3r2FgHXp9",
            ActivationMessage = "Thank you! Your license is now active.",
            DurationHours = 720,
            ExpiresAt = Epoch.AddHours(720),
            Metadata = new LicenseMetadata([new("tier", "pro"), new("seats", "3")]),
            Status = LicenseStatus.Disabled,
            Archived = true,
            UpdatedAt = Epoch.AddMinutes(5).AddMilliseconds(7),
        };

        var result = await CreateStore().CreateAsync(license, null);

        result.Outcome.Should().Be(LicenseCreateOutcome.Created);
        result.License.Should().Be(license);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
        (await CreateStore().FindByKeyAsync(BusinessId, license.KeyHash!)).Should().Be(license);
    }

    /// <summary>A license with every optional field unset reads back equal.</summary>
    [Test]
    public async Task CreateAsync_WithoutOptionalFields_ReadsBackEqual()
    {
        var license = NewLicense();

        await StoreAsync(license);

        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        stored.Should().Be(license);
        stored!.Metadata.Should().BeNull();
        stored.ExpiresAt.Should().BeNull();
        stored.ActivationsLimit.Should().BeNull();
    }

    /// <summary>Metadata keeps the order of its entries, and empty metadata stays empty rather than null.</summary>
    [Test]
    public async Task CreateAsync_WithMetadata_KeepsEntryOrder()
    {
        var ordered = new LicenseMetadata([new("zeta", "1"), new("alpha", "2"), new("Mid", "ü \"quoted\"")]);
        var withMetadata = NewLicense() with { Metadata = ordered };
        var withEmpty = NewLicense() with { Metadata = new LicenseMetadata([]) };

        await StoreAsync(withMetadata);
        await StoreAsync(withEmpty);

        var stored = await CreateStore().FindByIdAsync(BusinessId, withMetadata.Id);
        stored!.Metadata!.Keys.Should().Equal("zeta", "alpha", "Mid");
        stored.Metadata["Mid"].Should().Be("ü \"quoted\"");
        var empty = await CreateStore().FindByIdAsync(BusinessId, withEmpty.Id);
        empty!.Metadata.Should().NotBeNull().And.BeEmpty();
    }

    /// <summary>Timestamps keep their milliseconds.</summary>
    [Test]
    public async Task CreateAsync_Timestamps_RoundTripWithMilliseconds()
    {
        var created = new DateTimeOffset(2027, 1, 1, 23, 59, 59, 999, TimeSpan.Zero);
        var license = NewLicense(createdAt: created) with { UpdatedAt = created.AddMilliseconds(1), ExpiresAt = created.AddMilliseconds(2) };

        await StoreAsync(license);

        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        stored!.CreatedAt.Should().Be(created);
        stored.UpdatedAt.Should().Be(created.AddMilliseconds(1));
        stored.ExpiresAt.Should().Be(created.AddMilliseconds(2));
    }

    /// <summary>An id already used, even by another business, is refused.</summary>
    [Test]
    public async Task CreateAsync_IdTaken_ReturnsDuplicateId()
    {
        var first = await StoreAsync(NewLicense());
        var sameIdOtherBusiness = NewLicense() with { Id = first.Id, BusinessId = BusinessId + "_other" };

        var result = await CreateStore().CreateAsync(sameIdOtherBusiness, null);

        result.Outcome.Should().Be(LicenseCreateOutcome.DuplicateId);
        result.License.Should().BeNull();
        (await CreateStore().FindByIdAsync(BusinessId, first.Id)).Should().Be(first);
        (await CreateStore().FindByIdAsync(sameIdOtherBusiness.BusinessId, first.Id)).Should().BeNull();
    }

    /// <summary>A key equal after normalization (case, surrounding spaces) to one of the same business is refused.</summary>
    [Test]
    public async Task CreateAsync_NormalizedKeyTakenInBusiness_ReturnsDuplicateKey()
    {
        var first = await StoreAsync(NewLicense(key: "ABCD-EFGH-1234"));
        var second = NewLicense(key: "  abcd-efgh-1234 ");

        var result = await CreateStore().CreateAsync(second, null);

        result.Outcome.Should().Be(LicenseCreateOutcome.DuplicateKey);
        (await CreateStore().FindByIdAsync(BusinessId, second.Id)).Should().BeNull();
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash("ABCD-EFGH-1234"))).Should().Be(first);
    }

    /// <summary>Keys are unique per business only.</summary>
    [Test]
    public async Task CreateAsync_KeyTakenInOtherBusiness_ReturnsCreated()
    {
        var first = await StoreAsync(NewLicense(key: "SHARED-KEY-0001"));
        var other = NewLicense(key: "SHARED-KEY-0001") with { BusinessId = BusinessId + "_other" };

        var result = await CreateStore().CreateAsync(other, null);

        result.Outcome.Should().Be(LicenseCreateOutcome.Created);
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash("SHARED-KEY-0001"))).Should().Be(first);
        (await CreateStore().FindByKeyAsync(other.BusinessId, KeyHash("SHARED-KEY-0001"))).Should().Be(other);
    }

    /// <summary>A retried request finds the license its idempotency key created, with the request hash stored then.</summary>
    [Test]
    public async Task CreateAsync_IdempotencyKeyTaken_ReturnsEarlierLicenseAndRequestHash()
    {
        var first = NewLicense();
        (await CreateStore().CreateAsync(first, new LicenseIdempotency("idem-1", "hash-1"))).Outcome.Should().Be(LicenseCreateOutcome.Created);
        var retry = NewLicense();

        var result = await CreateStore().CreateAsync(retry, new LicenseIdempotency("idem-1", "hash-2"));

        result.Should().Be(new LicenseCreateResult(LicenseCreateOutcome.IdempotencyKeyExists, first, "hash-1"));
        (await CreateStore().FindByIdAsync(BusinessId, retry.Id)).Should().BeNull();
    }

    /// <summary>The idempotency key is checked before the id and the key.</summary>
    [Test]
    public async Task CreateAsync_IdempotencyKeyIdAndKeyAllTaken_ReportsIdempotencyKeyFirst()
    {
        var first = NewLicense();
        await CreateStore().CreateAsync(first, new LicenseIdempotency("idem-1", "hash-1"));

        var result = await CreateStore().CreateAsync(first, new LicenseIdempotency("idem-1", "hash-1"));

        result.Outcome.Should().Be(LicenseCreateOutcome.IdempotencyKeyExists);
        result.License.Should().Be(first);
    }

    /// <summary>The id is checked before the key.</summary>
    [Test]
    public async Task CreateAsync_IdAndKeyTaken_ReportsDuplicateIdFirst()
    {
        var first = await StoreAsync(NewLicense());

        var result = await CreateStore().CreateAsync(first with { ProductId = "prod_other" }, null);

        result.Outcome.Should().Be(LicenseCreateOutcome.DuplicateId);
    }

    /// <summary>Idempotency keys are unique per business only.</summary>
    [Test]
    public async Task CreateAsync_IdempotencyKeyTakenInOtherBusiness_ReturnsCreated()
    {
        await CreateStore().CreateAsync(NewLicense(), new LicenseIdempotency("idem-1", "hash-1"));
        var other = NewLicense() with { BusinessId = BusinessId + "_other" };

        var result = await CreateStore().CreateAsync(other, new LicenseIdempotency("idem-1", "hash-1"));

        result.Outcome.Should().Be(LicenseCreateOutcome.Created);
    }

    /// <summary>A refused create records nothing: neither the license nor its idempotency key.</summary>
    [Test]
    public async Task CreateAsync_Refused_LeavesStoreUnchanged()
    {
        await StoreAsync(NewLicense(key: "TAKEN-0001"));
        var refused = NewLicense(key: "TAKEN-0001");

        var result = await CreateStore().CreateAsync(refused, new LicenseIdempotency("idem-refused", "hash-1"));

        result.Outcome.Should().Be(LicenseCreateOutcome.DuplicateKey);
        (await CreateStore().FindByIdAsync(BusinessId, refused.Id)).Should().BeNull();
        var later = NewLicense();
        (await CreateStore().CreateAsync(later, new LicenseIdempotency("idem-refused", "hash-1"))).Outcome.Should().Be(LicenseCreateOutcome.Created);
    }
}
