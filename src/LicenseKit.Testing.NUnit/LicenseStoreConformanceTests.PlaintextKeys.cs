using LicenseKit.Stores;
using LicenseKit.Testing.NUnit.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Testing.NUnit;

// Keys at rest, end to end: driven through LicenseKit, the store under test is told hashes, never a key or an idempotency key.
public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>
    /// Issuing (custom and generated keys, an idempotent replay, a duplicate key, an idempotency conflict), activating,
    /// validating, deactivating and looking up, through LicenseKit over this store, hands the store no license key and no
    /// idempotency key in any spelling: not as an argument, not inside a license, an idempotency record or an activation.
    /// </summary>
    [Test]
    public async Task LicenseKit_OverThisStore_HandsItOnlyHashes()
    {
        var told = new List<string>();
        var services = new ServiceCollection();
        services.AddLicenseKit(o =>
        {
            o.BusinessId = BusinessId;
            o.KeyHashing.Secrets["conformance"] = Convert.ToBase64String(Enumerable.Repeat((byte)1, LicenseKeyHashingOptions.MinSecretBytes).ToArray());
        }).UseStore(RecordingLicenseStore.Create(CreateStore(), told));
        await using var provider = services.BuildServiceProvider();
        var issuer = provider.GetRequiredService<ILicenseIssuer>();
        var activator = provider.GetRequiredService<ILicenseActivator>();
        var manager = provider.GetRequiredService<ILicenseManager>();
        var unique = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var custom = "PLAIN-CUSTOM-" + unique;
        var idempotencyKey = "idem-plain-" + unique;

        (await issuer.IssueAsync(Request(custom, idempotencyKey))).Succeeded.Should().BeTrue();
        (await issuer.IssueAsync(Request(custom, idempotencyKey))).Succeeded.Should().BeTrue("an identical retry replays");
        (await issuer.IssueAsync(Request(" " + custom.ToLowerInvariant(), null))).Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey);
        (await issuer.IssueAsync(Request(custom + "-OTHER", idempotencyKey))).Error!.Code.Should().Be(LicenseErrorCodes.IdempotencyKeyConflict);
        var generated = (await issuer.IssueAsync(Request(null, null))).Value!.Key;
        foreach (var key in new[] { custom, generated })
        {
            (await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = key.ToLowerInvariant(), Name = "pc", Fingerprint = "fp-plain" })).Succeeded.Should().BeTrue();
            (await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = key, Fingerprint = "fp-plain" })).Code.Should().Be(LicenseValidationCode.Valid);
            (await manager.FindByKeyAsync(key)).Should().NotBeNull();
            (await activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = key, LicenseKeyInstanceId = (await FirstInstanceIdAsync(manager, key)) })).Succeeded.Should().BeTrue();
        }

        (await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "PLAIN-UNKNOWN-" + unique })).Code.Should().Be(LicenseValidationCode.NotFound);

        told.Should().Contain(KeyHash(custom), "the store was asked by the key's hash");
        var secrets = new[] { custom, generated, idempotencyKey, "PLAIN-UNKNOWN-" + unique };
        told.Where(text => secrets.Any(s => text.Contains(s, StringComparison.OrdinalIgnoreCase))).Should().BeEmpty();
    }

    /// <summary>The hint is no identity: two keys ending alike are two licenses.</summary>
    [Test]
    public async Task CreateAsync_KeysSharingTheirHint_AreBothCreated()
    {
        var first = await StoreAsync(NewLicense(key: "FIRST-KEY-SAME"));
        var second = NewLicense(key: "OTHER-KEY-SAME");

        first.KeyHint.Should().Be(second.KeyHint);
        (await CreateStore().CreateAsync(second, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash("other-key-same"))).Should().Be(second);
    }

    private static IssueLicenseRequest Request(string? key, string? idempotencyKey) =>
        new() { ProductId = "prod_plain", CustomerId = "cust_plain", ActivationsLimit = 3, Key = key, IdempotencyKey = idempotencyKey };

    private static async Task<string> FirstInstanceIdAsync(ILicenseManager manager, string key)
    {
        var license = await manager.FindByKeyAsync(key);
        return (await manager.ListInstancesAsync(license!.Id)).Value![0].Id;
    }
}
