using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore;

// Floating seats: a renewal is one conditional UPDATE of the instance row; removal of a lapsed instance is a conditional
// DELETE whose row count decides whether the seat is released.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public async Task<InstanceLeaseRenewalResult> RenewLeaseAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renewal);
        if (LookupValues.CannotMatch(renewal.BusinessId, renewal.LicenseId, renewal.InstanceId))
        {
            return new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.LicenseNotFound);
        }

        var lease = LicenseMapper.ToUnixMs(renewal.LeaseExpiresAt);
        var renewed = await _execution.RetryableAsync(async () =>
            {
                await _execution.Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await StoreExecution.ExecuteAsync(
                            _statements.Leases.RenewLease(_execution.Connection, renewal.BusinessId, renewal.LicenseId, renewal.InstanceId, lease, LicenseMapper.ToUnixMs(renewal.Now)),
                            cancellationToken)
                        .ConfigureAwait(false);
                }
                finally
                {
                    await _execution.Connection.CloseAsync().ConfigureAwait(false);
                }
            })
            .ConfigureAwait(false);

        // What is stored now tells a renewal from each reason it did not renew.
        var license = await FindLicenseAsync(renewal.BusinessId, renewal.LicenseId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return new InstanceLeaseRenewalResult(InstanceLeaseRenewalOutcome.LicenseNotFound);
        }

        var instance = await _execution.ReadOneAsync(c => _statements.InstanceById(c, renewal.BusinessId, renewal.LicenseId, renewal.InstanceId), _statements.ReadInstance, cancellationToken)
            .ConfigureAwait(false);
        var outcome = instance switch
        {
            null => InstanceLeaseRenewalOutcome.InstanceNotFound,
            _ when renewed == 1 => InstanceLeaseRenewalOutcome.Renewed,
            { LeaseExpiresAt: null } => InstanceLeaseRenewalOutcome.NotLeased,
            _ => InstanceLeaseRenewalOutcome.LeaseExpired,
        };
        return new InstanceLeaseRenewalResult(outcome, license, instance);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LicenseInstance>> ListLapsedInstancesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var at = LicenseMapper.ToUnixMs(now);
        var rows = await _context.Set<LicenseInstanceEntity>().AsNoTracking()
            .Where(i => i.LeaseExpiresAt != null && i.LeaseExpiresAt <= at)
            .OrderBy(i => i.LeaseExpiresAt)
            .ThenBy(Ordinal<LicenseInstanceEntity, string>(i => i.Id))
            .Take(limit)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ConvertAll(LicenseMapper.ToInstance);
    }

    /// <inheritdoc />
    public Task<InstanceDeactivationResult> DeactivateLapsedAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        DeactivateAsync(businessId, licenseId, instanceId, now, lapsedOnly: true, cancellationToken);

    private async Task<int> CountLapsedAsync(string licenseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _execution.Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var lapsed = await _statements.Leases.ReadInstancesAsync(_statements.Leases.LapsedOfLicense(_execution.Connection, licenseId, LicenseMapper.ToUnixMs(now)), cancellationToken)
                .ConfigureAwait(false);
            return lapsed.Length;
        }
        finally
        {
            await _execution.Connection.CloseAsync().ConfigureAwait(false);
        }
    }
}
