namespace LicenseKit.Stores;

/// <summary>
/// The default <see cref="ILicenseStore"/>: thread-safe and process-local, for samples, tests and single-instance
/// hosts that do not need licenses to survive a restart. One lock makes every operation atomic; each holds it for a
/// few dictionary operations only.
/// </summary>
public sealed partial class InMemoryLicenseStore : ILicenseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string BusinessId, string KeyHash), Entry> _byKey = [];
    private readonly Dictionary<(string BusinessId, string KeyHash), (string LicenseId, string RequestHash)> _idempotency = [];

    /// <inheritdoc />
    public Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        var keySlot = (license.BusinessId, KeyHash: LicenseKeyHashRequirement.Of(license));

        license = StoredForm(license);
        lock (_gate)
        {
            if (idempotency is not null && _idempotency.TryGetValue((license.BusinessId, idempotency.KeyHash), out var earlier))
            {
                return Task.FromResult(new LicenseCreateResult(LicenseCreateOutcome.IdempotencyKeyExists, _byId[earlier.LicenseId].License, earlier.RequestHash));
            }

            if (_byId.ContainsKey(license.Id))
            {
                return Task.FromResult(new LicenseCreateResult(LicenseCreateOutcome.DuplicateId));
            }

            if (_byKey.ContainsKey(keySlot))
            {
                return Task.FromResult(new LicenseCreateResult(LicenseCreateOutcome.DuplicateKey));
            }

            Insert(license, keySlot.KeyHash);
            if (idempotency is not null)
            {
                _idempotency.Add((license.BusinessId, idempotency.KeyHash), (license.Id, idempotency.RequestHash));
            }

            RecordEvent(LicenseEventRecord.Issued(license));
        }

        return Task.FromResult(new LicenseCreateResult(LicenseCreateOutcome.Created, license));
    }

    /// <inheritdoc />
    public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(businessId, licenseId)?.License);
        }
    }

    /// <inheritdoc />
    public Task<License?> FindByKeyAsync(string businessId, string keyHash, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_byKey.TryGetValue((businessId, keyHash), out var entry) ? entry.License : null);
        }
    }

    /// <inheritdoc />
    public Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_gate)
        {
            var entry = Find(edit.BusinessId, edit.LicenseId);
            if (entry is null)
            {
                return Task.FromResult(new LicenseEditResult(LicenseEditOutcome.NotFound));
            }

            var decision = edit.Decide(entry.License, entry.LastEditVersion);
            if (decision.Outcome == LicenseEditOutcome.Edited)
            {
                entry.License = decision.License!;
                entry.LastEditVersion = entry.License.Version;
                MoveInListIndexes(entry, decision.Previous!);
                RecordEvent(LicenseEventRecord.Edited(decision.Previous!, entry.License));
            }

            return Task.FromResult(decision);
        }
    }

    /// <inheritdoc />
    public Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        lock (_gate)
        {
            var entry = Find(activation.BusinessId, activation.LicenseId);
            if (entry is null)
            {
                return Task.FromResult(new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound));
            }

            var license = entry.License;
            if (ActivationRule.Refusal(license, activation.Now) is { } refusal)
            {
                return Task.FromResult(new InstanceActivationResult(refusal, license));
            }

            var fingerprint = activation.Instance.Fingerprint;
            LicenseInstance? existing = null;
            if (fingerprint is not null && entry.ByFingerprint.TryGetValue(fingerprint, out existing) && !ActivationRule.IsLapsed(existing, activation.Now))
            {
                return Task.FromResult(new InstanceActivationResult(InstanceActivationOutcome.ExistingInstance, license, existing));
            }

            // Lapsed instances are looked for only when their seats or the fingerprint are needed (see ILicenseStore).
            LicenseInstance[] lapsed = existing is not null || ActivationRule.IsAtLimit(license) ? LapsedInstances(entry, activation.Now) : [];
            if (ActivationRule.IsAtLimit(license, lapsed.Length))
            {
                return Task.FromResult(new InstanceActivationResult(InstanceActivationOutcome.LimitReached, license));
            }

            RemoveInstances(entry, lapsed);
            entry.Add(activation.Instance);
            TrackLease(entry, activation.Instance);
            entry.License = license with
            {
                InstancesCount = license.InstancesCount - lapsed.Length + 1,
                ExpiresAt = ActivationRule.ExpiresAtAfter(license, activation),
                UpdatedAt = activation.Now,
                Version = license.Version + 1,
            };
            foreach (var removed in lapsed)
            {
                RecordEvent(LicenseEventRecord.LeaseLapsed(entry.License, removed));
            }

            RecordEvent(LicenseEventRecord.Activated(entry.License, activation.Instance));
            return Task.FromResult(new InstanceActivationResult(InstanceActivationOutcome.Activated, entry.License, activation.Instance) { RemovedLapsedInstances = lapsed });
        }
    }

    /// <inheritdoc />
    public Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = Find(businessId, licenseId);
            if (entry is null)
            {
                return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound));
            }

            if (!entry.Instances.Remove(instanceId, out var instance))
            {
                return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, entry.License));
            }

            if (instance.Fingerprint is not null)
            {
                entry.ByFingerprint.Remove(instance.Fingerprint);
            }

            entry.License = entry.License with
            {
                InstancesCount = entry.License.InstancesCount - 1,
                UpdatedAt = now,
                Version = entry.License.Version + 1,
            };
            RecordEvent(LicenseEventRecord.Deactivated(entry.License, instance));
            return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.Deactivated, entry.License, instance));
        }
    }

    /// <inheritdoc />
    public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = Find(businessId, licenseId);
            LicenseInstance? instance = null;
            if (instanceId is not null)
            {
                entry?.Instances.TryGetValue(instanceId, out instance);
            }
            else if (fingerprint is not null)
            {
                entry?.ByFingerprint.TryGetValue(fingerprint, out instance);
            }

            return Task.FromResult(instance);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<LicenseInstance> instances = Find(businessId, licenseId)?.Instances.Values
                .OrderBy(i => i.CreatedAt)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToArray() ?? [];
            return Task.FromResult(instances);
        }
    }

    private Entry? Find(string businessId, string licenseId) =>
        _byId.TryGetValue(licenseId, out var entry) && entry.License.BusinessId == businessId ? entry : null;

    private sealed class Entry(License license)
    {
        public License License { get; set; } = license;

        // The version of the last edit (or the creation): an expected version conflicts only with edits after it.
        public long LastEditVersion { get; set; } = license.Version;

        // Live instances by id, and those with a fingerprint by fingerprint (unique per license). Created on first
        // activation: most licenses in a large store are never activated, and issuing should not pay for them.
        private Dictionary<string, LicenseInstance>? _instances;
        private Dictionary<string, LicenseInstance>? _byFingerprint;

        public Dictionary<string, LicenseInstance> Instances => _instances ??= new(StringComparer.Ordinal);

        public Dictionary<string, LicenseInstance> ByFingerprint => _byFingerprint ??= new(StringComparer.Ordinal);

        public void Add(LicenseInstance instance)
        {
            Instances.Add(instance.Id, instance);
            if (instance.Fingerprint is not null)
            {
                ByFingerprint.Add(instance.Fingerprint, instance);
            }
        }
    }
}
