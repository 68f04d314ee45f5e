using LicenseKit;
using LicenseKit.Stores;

/// <summary>Base of the docs' stand-in stores: forwards every <see cref="ILicenseStore"/> call to another store, so a
/// stand-in is a real store and a changed interface breaks the snippets that name it.</summary>
public abstract class ForwardingLicenseStore(ILicenseStore inner) : ILicenseStore
{
    public Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(license, idempotency, cancellationToken);

    public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        inner.FindByIdAsync(businessId, licenseId, cancellationToken);

    public Task<License?> FindByKeyAsync(string businessId, string normalizedKey, CancellationToken cancellationToken = default) =>
        inner.FindByKeyAsync(businessId, normalizedKey, cancellationToken);

    public Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(businessId, query, cancellationToken);

    public Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default) =>
        inner.EditAsync(edit, cancellationToken);

    public Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default) =>
        inner.ActivateAsync(activation, cancellationToken);

    public Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.DeactivateAsync(businessId, licenseId, instanceId, now, cancellationToken);

    public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default) =>
        inner.FindInstanceAsync(businessId, licenseId, instanceId, fingerprint, cancellationToken);

    public Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        inner.ListInstancesAsync(businessId, licenseId, cancellationToken);

    public Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default) =>
        inner.RenewLeaseAsync(renewal, cancellationToken);

    public Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        inner.ListLapsedInstancesAsync(now, limit, cancellationToken);

    public Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.DeactivateLapsedAsync(businessId, licenseId, instanceId, now, cancellationToken);
}
