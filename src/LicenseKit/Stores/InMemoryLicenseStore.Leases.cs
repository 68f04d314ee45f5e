namespace LicenseKit.Stores;

// Floating seats: lease renewal, the lapsed instances an activation takes over, and those a sweeper removes.
public sealed partial class InMemoryLicenseStore
{
    // Licenses that have (or had) an instance with a lease, so a sweep reads those only; pruned as sweeps find them empty.
    private readonly HashSet<Entry> _withLeases = [];

    /// <inheritdoc />
    public Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renewal);
        lock (_gate)
        {
            var entry = Find(renewal.BusinessId, renewal.LicenseId);
            if (entry is null)
            {
                return Task.FromResult(new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.LicenseNotFound));
            }

            if (!entry.Instances.TryGetValue(renewal.InstanceId, out var instance))
            {
                return Task.FromResult(new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.InstanceNotFound, entry.License));
            }

            if (instance.LeaseExpiresAt is null)
            {
                return Task.FromResult(new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.NotLeased, entry.License, instance));
            }

            if (ActivationRule.IsLapsed(instance, renewal.Now))
            {
                return Task.FromResult(new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.LeaseExpired, entry.License, instance));
            }

            var renewed = instance with { LeaseExpiresAt = renewal.LeaseExpiresAt };
            RemoveInstances(entry, [instance]);
            entry.Add(renewed);
            return Task.FromResult(new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.Renewed, entry.License, renewed));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            _withLeases.RemoveWhere(e => !e.Instances.Values.Any(i => i.LeaseExpiresAt is not null));
            IReadOnlyList<LicenseInstance> lapsed = _withLeases
                .SelectMany(e => e.Instances.Values)
                .Where(i => ActivationRule.IsLapsed(i, now))
                .OrderBy(i => i.LeaseExpiresAt)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .Take(limit)
                .ToArray();
            return Task.FromResult(lapsed);
        }
    }

    /// <inheritdoc />
    public Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = Find(businessId, licenseId);
            if (entry is null)
            {
                return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound));
            }

            if (!entry.Instances.TryGetValue(instanceId, out var instance))
            {
                return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, entry.License));
            }

            if (!ActivationRule.IsLapsed(instance, now))
            {
                return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.LeaseNotLapsed, entry.License, instance));
            }

            RemoveInstances(entry, [instance]);
            entry.License = entry.License with
            {
                InstancesCount = entry.License.InstancesCount - 1,
                UpdatedAt = now,
                Version = entry.License.Version + 1,
            };
            return Task.FromResult(new InstanceDeactivationResult(InstanceDeactivationOutcome.Deactivated, entry.License, instance));
        }
    }

    private static LicenseInstance[] LapsedInstances(Entry entry, DateTimeOffset now) =>
        [.. entry.Instances.Values.Where(i => ActivationRule.IsLapsed(i, now))];

    private static void RemoveInstances(Entry entry, IReadOnlyList<LicenseInstance> instances)
    {
        foreach (var instance in instances)
        {
            entry.Instances.Remove(instance.Id);
            if (instance.Fingerprint is not null)
            {
                entry.ByFingerprint.Remove(instance.Fingerprint);
            }
        }
    }

    private void TrackLease(Entry entry, LicenseInstance instance)
    {
        if (instance.LeaseExpiresAt is not null)
        {
            _withLeases.Add(entry);
        }
    }
}
