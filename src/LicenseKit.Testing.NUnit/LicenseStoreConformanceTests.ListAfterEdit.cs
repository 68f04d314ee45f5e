using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>
    /// A license archived, restored or given another status by an edit is listed under its new state only, by every
    /// filter that names the state (a store that keeps per-state indexes must move it between them).
    /// </summary>
    [Test]
    public async Task ListAsync_AfterAnEditChangesStatusOrArchived_ListsTheLicenseUnderItsNewStateOnly()
    {
        var archivedThenRestored = await StoreAsync(NewLicense(createdAt: Epoch) with { Archived = true });
        var revoked = await StoreAsync(NewLicense(createdAt: Epoch.AddDays(1)));
        var archived = await StoreAsync(NewLicense(createdAt: Epoch.AddDays(2)) with { Status = LicenseStatus.Disabled });

        var store = CreateStore();
        (await store.EditAsync(Edit(archivedThenRestored, l => l with { Archived = false }))).Outcome.Should().Be(LicenseEditOutcome.Edited);
        (await store.EditAsync(Edit(revoked, l => l with { Status = LicenseStatus.Revoked }))).Outcome.Should().Be(LicenseEditOutcome.Edited);
        (await store.EditAsync(Edit(archived, l => l with { Archived = true, Status = LicenseStatus.Active }))).Outcome.Should().Be(LicenseEditOutcome.Edited);

        var reader = CreateStore();
        async Task<string[]> IdsAsync(LicenseKeysetQuery query) => [.. (await reader.ListAsync(BusinessId, query)).Select(l => l.Id)];
        (await IdsAsync(new LicenseKeysetQuery { Archived = true })).Should().Equal(archived.Id);
        (await IdsAsync(new LicenseKeysetQuery { Archived = false })).Should().Equal(revoked.Id, archivedThenRestored.Id);
        (await IdsAsync(new LicenseKeysetQuery { Status = LicenseStatus.Revoked })).Should().Equal(revoked.Id);
        (await IdsAsync(new LicenseKeysetQuery { Status = LicenseStatus.Disabled })).Should().BeEmpty();
        (await IdsAsync(new LicenseKeysetQuery { Status = LicenseStatus.Active })).Should().Equal(archived.Id, archivedThenRestored.Id);
        (await IdsAsync(new LicenseKeysetQuery { Status = LicenseStatus.Active, Archived = true })).Should().Equal(archived.Id);
    }
}
