using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Tests.Activation;

/// <summary>
/// A heartbeat signs the token for the renewed lease before it writes the renewal. When a concurrent renewal of the same
/// instance lands in between, the store holds another lease end than the token says: the heartbeat signs again, and when
/// that fails it answers with the lease renewed and <see cref="LicenseHeartbeatResponse.SignedLicenseUnavailable"/>
/// instead of throwing after the write.
/// </summary>
public class HeartbeatSigningTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    [Test]
    public async Task Heartbeat_ConcurrentRenewalBeforeItsWrite_AndSigningAgainFails_AnswersSignedLicenseUnavailable_WithTheLeaseRenewed()
    {
        var store = new ConcurrentRenewalStore();
        var signer = new CountingSigner();
        await using var services = Build(store, signer, out var time);
        var (license, instance) = await ActivateAsync(services);
        time.Advance(TimeSpan.FromMinutes(5));
        store.RenewConcurrently = true;
        signer.FailFromCall = signer.Calls + 2;

        var heartbeat = await services.GetRequiredService<ILicenseActivator>().HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });

        heartbeat.Succeeded.Should().BeTrue(heartbeat.ToString());
        heartbeat.Value!.SignedLicense.Should().BeNull();
        heartbeat.Value.SignedLicenseUnavailable.Should().BeTrue();
        heartbeat.Value.Instance.LeaseExpiresAt.Should().Be(Start.AddMinutes(5) + Lease + ConcurrentRenewalStore.Later);
        (await store.FindInstanceAsync(license.BusinessId, license.Id, instance.Id, null))!.LeaseExpiresAt.Should().Be(Start.AddMinutes(5) + Lease + ConcurrentRenewalStore.Later);
    }

    [Test]
    public async Task Heartbeat_WithoutConcurrentChange_SignsOnce_AndItsTokenDescribesTheRenewedLease()
    {
        var store = new ConcurrentRenewalStore();
        var signer = new CountingSigner();
        await using var services = Build(store, signer, out var time);
        var (license, instance) = await ActivateAsync(services);
        time.Advance(TimeSpan.FromMinutes(5));
        signer.FailFromCall = signer.Calls + 2;

        var heartbeat = await services.GetRequiredService<ILicenseActivator>().HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });

        heartbeat.Value!.SignedLicenseUnavailable.Should().BeFalse();
        heartbeat.Value.SignedLicense.Should().Be($"{instance.Id}@{Start.AddMinutes(5) + Lease:O}");
    }

    private static ServiceProvider Build(ConcurrentRenewalStore store, CountingSigner signer, out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<ILicenseTokenSigner>(signer);
        services.AddLicenseKit(o =>
            {
                o.BusinessId = "biz_1";
                o.Products["prod_float"] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = Lease };
                o.KeyHashing.Secrets["test"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
            })
            .UseStore(store)
            .UseTimeProvider(time);
        return services.BuildServiceProvider();
    }

    private static async Task<(License License, LicenseInstance Instance)> ActivateAsync(ServiceProvider services)
    {
        var issued = (await services.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_float", CustomerId = "cust_1" })).Value!;
        var activated = (await services.GetRequiredService<ILicenseActivator>().ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Key, Name = "agent" })).Value!;
        return (issued, activated.Instance);
    }

    /// <summary>Signs "instance@lease end"; from the call <see cref="FailFromCall"/> on it fails, as an unreachable vault would.</summary>
    private sealed class CountingSigner : ILicenseTokenSigner
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public int FailFromCall { get; set; } = int.MaxValue;

        public ValueTask<string> SignAsync(License license, LicenseInstance? instance, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) >= FailFromCall
                ? throw new InvalidOperationException("The vault is unreachable.")
                : ValueTask.FromResult($"{instance?.Id}@{instance?.LeaseExpiresAt:O}");
    }

    /// <summary>
    /// The in-memory store; once <see cref="RenewConcurrently"/> is set, another heartbeat of the same instance renews its
    /// lease <see cref="Later"/> further right after each renewal, before the renewal's result is read back (as a store
    /// that reads the row again after its UPDATE can see).
    /// </summary>
    private sealed class ConcurrentRenewalStore : ILicenseStore
    {
        public static readonly TimeSpan Later = TimeSpan.FromSeconds(1);
        private readonly InMemoryLicenseStore _inner = new();

        public bool RenewConcurrently { get; set; }

        public async Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default)
        {
            var result = await _inner.RenewLeaseAsync(renewal, cancellationToken);
            return RenewConcurrently && result.Outcome == InstanceLeaseRenewalOutcome.Renewed
                ? await _inner.RenewLeaseAsync(renewal with { LeaseExpiresAt = renewal.LeaseExpiresAt + Later }, cancellationToken)
                : result;
        }

        public Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default) =>
            _inner.CreateAsync(license, idempotency, cancellationToken);

        public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
            _inner.FindByIdAsync(businessId, licenseId, cancellationToken);

        public Task<License?> FindByKeyAsync(string businessId, string keyHash, CancellationToken cancellationToken = default) =>
            _inner.FindByKeyAsync(businessId, keyHash, cancellationToken);

        public Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default) =>
            _inner.ListAsync(businessId, query, cancellationToken);

        public Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default) =>
            _inner.EditAsync(edit, cancellationToken);

        public Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) =>
            _inner.ActivateAsync(activation, cancellationToken);

        public Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.DeactivateAsync(businessId, licenseId, instanceId, now, cancellationToken);

        public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default) =>
            _inner.FindInstanceAsync(businessId, licenseId, instanceId, fingerprint, cancellationToken);

        public Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
            _inner.ListInstancesAsync(businessId, licenseId, cancellationToken);

        public Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
            _inner.ListLapsedInstancesAsync(now, limit, cancellationToken);

        public Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            _inner.DeactivateLapsedAsync(businessId, licenseId, instanceId, now, cancellationToken);
    }
}
