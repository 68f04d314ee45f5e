using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

// Keys at rest: a store keeps hashes, never a plaintext key, matches hashes exactly and keeps them through edits.
public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>A store never persists <see cref="License.Key"/>, even when a caller hands one over; hash, hint and protected form are kept as given.</summary>
    [Test]
    public async Task CreateAsync_LicenseCarryingPlaintextKey_KeepsOnlyHashHintAndProtectedForm()
    {
        var license = NewLicense(key: "PLAIN-TEXT-KEY-0001") with { Key = "PLAIN-TEXT-KEY-0001", ProtectedKey = "opaque-protected-form" };

        (await CreateStore().CreateAsync(license, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);

        var stored = license with { Key = string.Empty };
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(stored);
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash("plain-text-key-0001"))).Should().Be(stored);
        (await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 10 })).Should().Equal(stored);
    }

    /// <summary>Hashes are matched exactly: base64url is case-sensitive, so a hash differing only in case is another key.</summary>
    [Test]
    public async Task FindByKeyAsync_HashInOtherCase_FindsNothing()
    {
        var license = await StoreAsync(NewLicense());

        (await CreateStore().FindByKeyAsync(BusinessId, license.KeyHash!.ToUpperInvariant())).Should().BeNull();
        (await CreateStore().FindByKeyAsync(BusinessId, license.KeyHash.ToLowerInvariant())).Should().BeNull();
    }

    /// <summary>The same key hashed under two secrets is two opaque values to a store: rotation is the caller's business.</summary>
    [Test]
    public async Task CreateAsync_SameKeyHashedUnderAnotherSecret_IsFoundByEachHash()
    {
        var older = CreateHasher("older", 2);
        var underOlder = await StoreAsync(NewLicense() with { KeyHash = older.Hash("ROTATED-KEY-0001") });
        var underCurrent = await StoreAsync(NewLicense(key: "ROTATED-KEY-0001"));

        (await CreateStore().FindByKeyAsync(BusinessId, older.Hash("ROTATED-KEY-0001"))).Should().Be(underOlder);
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash("ROTATED-KEY-0001"))).Should().Be(underCurrent);
    }

    /// <summary>An edit never changes what identifies the key: its hash, hint and protected form survive any change.</summary>
    [Test]
    public async Task EditAsync_ChangingKeyFields_KeepsTheStoredKey()
    {
        var license = await StoreAsync(NewLicense(key: "EDIT-KEEPS-KEY-01") with { ProtectedKey = "protected-1" });

        var result = await CreateStore().EditAsync(Edit(license, l => l with { Status = LicenseStatus.Disabled, KeyHash = "x:y", KeyHint = "ZZZZ", ProtectedKey = null, Key = "LEAK" }));

        result.Outcome.Should().Be(LicenseEditOutcome.Edited);
        var found = await CreateStore().FindByKeyAsync(BusinessId, KeyHash("edit-keeps-key-01"));
        found.Should().NotBeNull();
        found!.Status.Should().Be(LicenseStatus.Disabled);
        (found.Key, found.KeyHash, found.KeyHint, found.ProtectedKey).Should().Be((string.Empty, license.KeyHash, "Y-01", "protected-1"));
        (await CreateStore().FindByKeyAsync(BusinessId, "x:y")).Should().BeNull();
    }

    /// <summary>A license whose key was not hashed is a programming error of the caller: refused, nothing stored.</summary>
    [Test]
    public async Task CreateAsync_WithoutKeyHash_ThrowsAndStoresNothing()
    {
        var license = NewLicense() with { KeyHash = null, Key = "UNHASHED-KEY-0001" };

        await FluentActions.Awaiting(() => CreateStore().CreateAsync(license, null)).Should().ThrowAsync<ArgumentException>();

        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().BeNull();
    }

    /// <summary>A license as an event records it: in its wire form, which carries no key hash, hint or protected key.</summary>
    /// <param name="license">The license as stored.</param>
    /// <returns>The license an event read back holds.</returns>
    protected static License AsRecorded(License license)
    {
        ArgumentNullException.ThrowIfNull(license);
        return license with { KeyHash = null, KeyHint = null, ProtectedKey = null };
    }
}
