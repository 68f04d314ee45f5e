using LicenseKit.Stores;
using LicenseKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Caching.Tests;

/// <summary>Validation through the cache answers exactly as validation straight from the store, on every outcome.</summary>
[TestFixture]
public sealed class CachedValidationTests
{
    private InMemoryLicenseStore _store = null!;
    private LicenseKitTestHost _plain = null!;
    private LicenseKitTestHost _cached = null!;

    [SetUp]
    public void CreateHosts()
    {
        _store = new InMemoryLicenseStore();
        _plain = LicenseKitTestHost.Create(configureOptions: WithFloatingProduct, configure: b => b.UseStore(_store));
        _cached = CachedHosts.Create(_store, options: WithFloatingProduct);
    }

    [TearDown]
    public async Task DisposeHosts()
    {
        await _plain.DisposeAsync();
        await _cached.DisposeAsync();
    }

    [Test]
    public async Task ValidateAsync_EveryOutcome_EqualsUncachedValidation()
    {
        var seen = new HashSet<LicenseValidationCode>();
        var license = await _cached.IssueAsync(activationsLimit: 2, durationHours: 24);
        seen.Add(await AssertSameAsync(license.Key));
        seen.Add(await AssertSameAsync("  " + license.Key.ToLowerInvariant() + " "));
        seen.Add(await AssertSameAsync("NO-SUCH-KEY"));
        seen.Add(await AssertSameAsync("   "));

        var activation = await _cached.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "laptop", Fingerprint = "fp-1" });
        activation.Succeeded.Should().BeTrue();
        var instanceId = activation.Value!.Instance.Id;
        seen.Add(await AssertSameAsync(license.Key, instanceId));
        seen.Add(await AssertSameAsync(license.Key, "lki_unknown"));

        (await _cached.Manager.DisableAsync(license.Id)).Succeeded.Should().BeTrue();
        seen.Add(await AssertSameAsync(license.Key, instanceId));
        (await _cached.Manager.EnableAsync(license.Id)).Succeeded.Should().BeTrue();
        seen.Add(await AssertSameAsync(license.Key, instanceId));
        (await _cached.Manager.SetArchivedAsync(license.Id, archived: true)).Succeeded.Should().BeTrue();
        seen.Add(await AssertSameAsync(license.Key));
        (await _cached.Manager.SetArchivedAsync(license.Id, archived: false)).Succeeded.Should().BeTrue();

        // Expiry is a matter of time, not of a write: the cached copy must expire by the clock alone.
        seen.Add(await AssertSameAsync(license.Key));
        Advance(TimeSpan.FromHours(24));
        seen.Add(await AssertSameAsync(license.Key));

        var revoked = await _cached.IssueAsync();
        seen.Add(await AssertSameAsync(revoked.Key));
        (await _cached.Manager.RevokeAsync(revoked.Id)).Succeeded.Should().BeTrue();
        seen.Add(await AssertSameAsync(revoked.Key));

        // A floating seat's lease lapses with time alone, and entitlements come from the product's policy.
        var floating = await _cached.IssueAsync(productId: FloatingProduct);
        var seat = await _cached.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = floating.Key, Name = "agent", Fingerprint = "fp-agent" });
        seat.Succeeded.Should().BeTrue();
        seen.Add(await AssertSameAsync(floating.Key, seat.Value!.Instance.Id, ["pro"]));
        seen.Add(await AssertSameAsync(floating.Key, seat.Value!.Instance.Id, ["enterprise"]));
        Advance(TimeSpan.FromMinutes(11));
        seen.Add(await AssertSameAsync(floating.Key, seat.Value!.Instance.Id));

        seen.Should().BeEquivalentTo(Enum.GetValues<LicenseValidationCode>());
    }

    private const string FloatingProduct = "prod_floating";

    private static void WithFloatingProduct(LicenseKitOptions options) =>
        options.Products[FloatingProduct] = new LicensePolicyOptions
        {
            SeatMode = LicenseSeatMode.Floating,
            LeaseDuration = TimeSpan.FromMinutes(10),
            Entitlements = ["pro"],
        };

    [Test]
    public async Task FindByKeyAsync_OtherBusiness_IsNotServedFromThisBusinessEntry()
    {
        var license = await _cached.IssueAsync();
        var store = _cached.Services.GetRequiredService<ILicenseStore>();
        (await store.FindByKeyAsync(LicenseKitTestHost.DefaultBusinessId, license.Key)).Should().Be(license);
        (await store.FindByIdAsync(LicenseKitTestHost.DefaultBusinessId, license.Id)).Should().Be(license);

        (await store.FindByKeyAsync("biz_other", license.Key)).Should().BeNull();
        (await store.FindByIdAsync("biz_other", license.Id)).Should().BeNull();
    }

    [Test]
    public async Task ValidateAsync_StoreThrows_ThrowsTheStoreError()
    {
        await using var failing = LicenseKitTestHost.Create(configure: b => b.UseStore(new ThrowingStore()).AddLicenseCache());

        var validate = () => failing.ValidateAsync("ANY-KEY");

        await validate.Should().ThrowAsync<TimeoutException>().WithMessage("store unavailable");
    }

    private void Advance(TimeSpan by)
    {
        _plain.Time.Advance(by);
        _cached.Time.Advance(by);
    }

    // Validates on both hosts, twice on the cached one (the second answer comes from its memory), and compares.
    private async Task<LicenseValidationCode> AssertSameAsync(string key, string? instanceId = null, IReadOnlyList<string>? entitlements = null)
    {
        var expected = await _plain.ValidateAsync(key, instanceId, entitlements);
        var first = await _cached.ValidateAsync(key, instanceId, entitlements);
        var second = await _cached.ValidateAsync(key, instanceId, entitlements);

        first.Should().Be(expected);
        second.Should().Be(expected);
        return expected.Code;
    }

    private sealed class ThrowingStore : ILicenseStore
    {
        private static Task<T> Fail<T>() => Task.FromException<T>(new TimeoutException("store unavailable"));

        public Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default) => Fail<LicenseCreateResult>();

        public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) => Fail<License?>();

        public Task<License?> FindByKeyAsync(string businessId, string normalizedKey, CancellationToken cancellationToken = default) => Fail<License?>();

        public Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<License>>();

        public Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default) => Fail<LicenseEditResult>();

        public Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) => Fail<InstanceActivationResult>();

        public Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) => Fail<InstanceDeactivationResult>();

        public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default) => Fail<LicenseInstance?>();

        public Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<LicenseInstance>>();

        public Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default) => Fail<InstanceLeaseRenewalResult>();

        public Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<LicenseInstance>>();

        public Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) => Fail<InstanceDeactivationResult>();
    }
}
