using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>
/// Forwards every <see cref="ILicenseStore"/> call to a correct store; each subclass gets one part of the lease contract
/// wrong, the way a hand-written store could, so the conformance suite can be shown to catch it.
/// </summary>
internal abstract class DecoratingLicenseStore(ILicenseStore inner) : ILicenseStore
{
    protected ILicenseStore Inner { get; } = inner;

    public virtual Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default) =>
        Inner.CreateAsync(license, idempotency, cancellationToken);

    public virtual Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        Inner.FindByIdAsync(businessId, licenseId, cancellationToken);

    public virtual Task<License?> FindByKeyAsync(string businessId, string keyHash, CancellationToken cancellationToken = default) =>
        Inner.FindByKeyAsync(businessId, keyHash, cancellationToken);

    public virtual Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default) =>
        Inner.ListAsync(businessId, query, cancellationToken);

    public virtual Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default) =>
        Inner.EditAsync(edit, cancellationToken);

    public virtual Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) =>
        Inner.ActivateAsync(activation, cancellationToken);

    public virtual Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.DeactivateAsync(businessId, licenseId, instanceId, now, cancellationToken);

    public virtual Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default) =>
        Inner.FindInstanceAsync(businessId, licenseId, instanceId, fingerprint, cancellationToken);

    public virtual Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        Inner.ListInstancesAsync(businessId, licenseId, cancellationToken);

    public virtual Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default) =>
        Inner.RenewLeaseAsync(renewal, cancellationToken);

    public virtual Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListLapsedInstancesAsync(now, limit, cancellationToken);

    public virtual Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.DeactivateLapsedAsync(businessId, licenseId, instanceId, now, cancellationToken);
}
