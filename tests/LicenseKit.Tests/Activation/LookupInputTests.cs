using LicenseKit.Stores;
using System.Collections.Concurrent;

namespace LicenseKit.Tests.Activation;

/// <summary>
/// Lookup inputs (a key, an instance id, a fingerprint, a license id, a cursor) that the write rules refuse can match
/// nothing, and must never reach a store: PostgreSQL fails on U+0000 where SQLite answers "not found".
/// </summary>
public class LookupInputTests
{
    // Built in code: an attribute argument would turn a lone surrogate into U+FFFD.
    private static readonly string[] UnwritableKeys = ["AB\u0000CD", "\u0000", "A184\u0001-99C2-8CBE", "A184-99C2-8CBE\ud800"];

    [TestCaseSource(nameof(UnwritableKeys))]
    public async Task ValidateAsync_WithKeyHoldingCharactersNoKeyMayHold_AnswersNotFoundWithoutAskingTheStore(string key)
    {
        var store = new LookupRecordingStore();
        await using var sut = new TestServices(b => b.UseStore(store));

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = key });

        result.Code.Should().Be(LicenseValidationCode.NotFound);
        store.Lookups.Should().BeEmpty();
    }

    [Test]
    public async Task ValidateAsync_WithInstanceIdOrFingerprintHoldingU0000_AnswersInstanceNotFoundWithoutAskingTheStore()
    {
        var store = new LookupRecordingStore();
        await using var sut = new TestServices(b => b.UseStore(store));
        var license = await sut.IssueAsync();
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a", Fingerprint = "fp-1" });
        store.Lookups.Clear();

        var byId = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_\u0000" });
        var byFingerprint = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Fingerprint = "fp-1\u0000" });
        var both = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_x", Fingerprint = "\u0000" });

        byId.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
        byFingerprint.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
        both.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
        store.Lookups.Should().OnlyContain(l => l.StartsWith("key:", StringComparison.Ordinal), "only the valid key was looked up");
    }

    [Test]
    public async Task ManagerLookups_WithU0000_FindNothingWithoutAskingTheStore()
    {
        var store = new LookupRecordingStore();
        await using var sut = new TestServices(b => b.UseStore(store));

        (await sut.Manager.FindByIdAsync("lic_\u0000")).Should().BeNull();
        (await sut.Manager.FindByKeyAsync("AB\u0000CD-EFGH-IJKL")).Should().BeNull();
        (await sut.Manager.UpdateAsync("lic_\u0000", new LicenseUpdate { ActivationMessage = "x" })).Error!.Code.Should().Be(LicenseErrorCodes.LicenseNotFound);
        (await sut.Manager.ListInstancesAsync("lic_\u0000")).Error!.Code.Should().Be(LicenseErrorCodes.LicenseNotFound);
        var cursor = Convert.ToBase64String("v1|1778461945764|lic_\u0000"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        (await sut.Manager.ListAsync(new LicenseQuery { Cursor = cursor })).Error!.Code.Should().Be(LicenseErrorCodes.InvalidCursor);

        store.Lookups.Should().BeEmpty();
    }

    [Test]
    public async Task ActivateAndDeactivate_WithU0000InAnyInput_AnswerTypedErrorsWithoutAskingTheStore()
    {
        var store = new LookupRecordingStore();
        await using var sut = new TestServices(b => b.UseStore(store));
        var license = await sut.IssueAsync();
        store.Lookups.Clear();

        var badKey = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = "AB\u0000CD", Name = "a" });
        var badFingerprint = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a", Fingerprint = "\u0000" });
        var badInstance = await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_\u0000" });

        badKey.Error.Should().Be(new LicenseError(LicenseErrorCodes.FieldInvalidCharacters, "'license_key' must not contain control characters.", "license_key"));
        badFingerprint.Error!.Field.Should().Be("fingerprint");
        badInstance.Error!.Field.Should().Be("license_key_instance_id");
        store.Lookups.Should().BeEmpty();
    }

    [TestCase("\r\n")]
    [TestCase("\t")]
    [TestCase(" \r\n\t ")]
    public async Task ActivateAndDeactivate_WithPastedKeyInWhitespaceAndLineBreaks_WorkLikeValidate(string around)
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var pasted = around + license.Key + around;

        var activation = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = pasted, Name = "laptop" });
        var validation = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = pasted, LicenseKeyInstanceId = activation.Value?.Instance.Id });
        var deactivation = await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = pasted, LicenseKeyInstanceId = activation.Value!.Instance.Id });

        activation.Succeeded.Should().BeTrue(activation.ToString());
        validation.Code.Should().Be(LicenseValidationCode.Valid);
        deactivation.Succeeded.Should().BeTrue(deactivation.ToString());
    }

    /// <summary>The in-memory store, recording every lookup input and refusing U+0000 the way PostgreSQL does.</summary>
    private sealed class LookupRecordingStore : ILicenseStore
    {
        private readonly InMemoryLicenseStore _inner = new();

        public ConcurrentQueue<string> Lookups { get; } = new();

        public Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default) =>
            _inner.CreateAsync(license, idempotency, cancellationToken);

        public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
            _inner.FindByIdAsync(businessId, Record("id", licenseId)!, cancellationToken);

        public Task<License?> FindByKeyAsync(string businessId, string normalizedKey, CancellationToken cancellationToken = default) =>
            _inner.FindByKeyAsync(businessId, Record("key", normalizedKey)!, cancellationToken);

        public Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default)
        {
            Record("after", query.After?.Id);
            return _inner.ListAsync(businessId, query, cancellationToken);
        }

        public Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default) =>
            _inner.EditAsync(edit with { LicenseId = Record("id", edit.LicenseId)! }, cancellationToken);

        public Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) =>
            _inner.ActivateAsync(activation, cancellationToken);

        public Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.DeactivateAsync(businessId, licenseId, Record("instance", instanceId)!, now, cancellationToken);

        public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default) =>
            _inner.FindInstanceAsync(businessId, licenseId, Record("instance", instanceId), Record("fingerprint", fingerprint), cancellationToken);

        public Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
            _inner.ListInstancesAsync(businessId, Record("id", licenseId)!, cancellationToken);

        public Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default) =>
            _inner.RenewLeaseAsync(renewal with { InstanceId = Record("instance", renewal.InstanceId)! }, cancellationToken);

        public Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
            _inner.ListLapsedInstancesAsync(now, limit, cancellationToken);

        public Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.DeactivateLapsedAsync(businessId, licenseId, Record("instance", instanceId)!, now, cancellationToken);

        private string? Record(string kind, string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"22021: invalid byte sequence for encoding \"UTF8\": 0x00 ({kind})");
            }

            Lookups.Enqueue($"{kind}:{value}");
            return value;
        }
    }
}
