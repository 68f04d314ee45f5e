using LicenseKit.Testing;

namespace LicenseKit.Caching.Tests;

/// <summary>Every write through LicenseKit evicts what it changed, so the same host never answers from a stale copy.</summary>
[TestFixture]
public sealed class CacheEvictionTests
{
    private static readonly (string Name, Func<LicenseKitTestHost, License, Task> Write, Action<LicenseValidationResult> Check)[] Writes =
    [
        ("disable", (h, l) => h.Manager.DisableAsync(l.Id), r => r.Code.Should().Be(LicenseValidationCode.Disabled)),
        ("revoke", (h, l) => h.Manager.RevokeAsync(l.Id), r => r.Code.Should().Be(LicenseValidationCode.Revoked)),
        ("archive", (h, l) => h.Manager.SetArchivedAsync(l.Id, archived: true), r => r.Code.Should().Be(LicenseValidationCode.Archived)),
        ("expire", (h, l) => h.Manager.UpdateAsync(l.Id, new LicenseUpdate { ExpiresAt = h.Time.GetUtcNow().AddMinutes(1) }), r => r.License!.ExpiresAt.Should().NotBeNull()),
        ("limit", (h, l) => h.Manager.UpdateAsync(l.Id, new LicenseUpdate { ActivationsLimit = 7 }), r => r.License!.ActivationsLimit.Should().Be(7)),
        ("activate", (h, l) => h.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = l.Key, Name = "laptop" }), r => r.License!.InstancesCount.Should().Be(1)),
    ];

    private static IEnumerable<TestCaseData> WriteCases() =>
        Writes.Select(w => new TestCaseData(w.Name).SetName($"Write_{w.Name}_IsSeenByTheNextValidation"));

    [TestCaseSource(nameof(WriteCases))]
    public async Task Write_IsSeenByTheNextValidation(string name)
    {
        var (_, write, check) = Writes.Single(w => w.Name == name);
        await using var host = CachedHosts.Create();
        var license = await host.IssueAsync();
        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);

        await write(host, license);

        check(await host.ValidateAsync(license.Key));
    }

    [Test]
    public async Task Deactivate_IsSeenByTheNextValidation()
    {
        await using var host = CachedHosts.Create();
        var license = await host.IssueAsync();
        var activation = await host.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "laptop" });
        (await host.ValidateAsync(license.Key)).License!.InstancesCount.Should().Be(1);

        var deactivation = await host.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = activation.Value!.Instance.Id });

        deactivation.Succeeded.Should().BeTrue();
        (await host.ValidateAsync(license.Key)).License!.InstancesCount.Should().Be(0);
    }

    [Test]
    public async Task Enable_AfterDisable_IsSeenByTheNextValidation()
    {
        await using var host = CachedHosts.Create();
        var license = await host.IssueAsync();
        await host.Manager.DisableAsync(license.Id);
        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Disabled);

        await host.Manager.EnableAsync(license.Id);

        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);
    }

    [Test]
    public async Task Issue_OfAKeyLookedUpBefore_IsFoundByTheNextValidation()
    {
        await using var host = CachedHosts.Create();
        (await host.ValidateAsync("CUSTOM-KEY-0001")).Code.Should().Be(LicenseValidationCode.NotFound);

        await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_cache", CustomerId = "cust_cache", Key = "CUSTOM-KEY-0001" });

        (await host.ValidateAsync("custom-key-0001")).Code.Should().Be(LicenseValidationCode.Valid);
    }

    [Test]
    public async Task ManagerUpdate_WithTheVersionOfAWriteTheCacheDidNotSee_Succeeds()
    {
        await using var host = CachedHosts.Create();
        var license = await host.IssueAsync();
        (await host.ValidateAsync(license.Key)).License.Should().Be(license);
        var edit = await host.Store.EditAsync(new Stores.LicenseEdit(
            license.BusinessId, license.Id, stored => LicenseResult<License>.Success(stored with { ActivationMessage = "written elsewhere" })));
        edit.Outcome.Should().Be(Stores.LicenseEditOutcome.Edited);
        var bypassed = edit.License!;

        var revoke = await host.Manager.RevokeAsync(license.Id, expectedVersion: bypassed.Version);

        revoke.Succeeded.Should().BeTrue(revoke.ToString());
        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Revoked);
    }

    [Test]
    public async Task Validate_AfterAWriteThatBypassedTheCache_AnswersFromMemoryUntilEvicted()
    {
        // Shows the cache is really in the path: a write straight to the store is not seen until something evicts.
        await using var host = CachedHosts.Create();
        var license = await host.IssueAsync();
        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);

        var edit = await host.Store.EditAsync(new Stores.LicenseEdit(
            license.BusinessId, license.Id, stored => LicenseResult<License>.Success(stored with { Status = LicenseStatus.Revoked })));
        edit.Outcome.Should().Be(Stores.LicenseEditOutcome.Edited);

        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);
    }
}
