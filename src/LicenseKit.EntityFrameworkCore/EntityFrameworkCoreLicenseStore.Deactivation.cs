using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore;

// Deactivation: the DELETE decides, the count follows in the same transaction.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        DeactivateAsync(businessId, licenseId, instanceId, now, lapsedOnly: false, cancellationToken);

    /// <summary>Deactivates an instance; with <paramref name="lapsedOnly"/>, only if its lease lapsed at <paramref name="now"/>.</summary>
    private async Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, bool lapsedOnly, CancellationToken cancellationToken)
    {
        if (LookupValues.CannotMatch(instanceId))
        {
            var license = await FindByIdAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
            return license is null
                ? new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound)
                : new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, license);
        }

        return await _execution.RetryableAsync(() => DeactivateInTransactionAsync(businessId, licenseId, instanceId, LicenseMapper.ToUnixMs(now), lapsedOnly, cancellationToken))
            .ConfigureAwait(false);
    }

    private async Task<InstanceDeactivationResult> DeactivateInTransactionAsync(string businessId, string licenseId, string instanceId, long now, bool lapsedOnly, CancellationToken cancellationToken)
    {
        if (LookupValues.CannotMatch(businessId, licenseId))
        {
            return new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound);
        }

        var connection = _execution.Connection;
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await _execution.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var license = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
                if (license is null)
                {
                    return new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound);
                }

                var instance = await _execution.ReadOneAsync(c => _statements.InstanceById(c, businessId, licenseId, instanceId), _statements.ReadInstance, cancellationToken)
                    .ConfigureAwait(false);

                // The DELETE decides: of two concurrent deactivations of one instance (or a sweep and a renewal), only one
                // deletes a row.
                var deleted = instance is null
                    ? 0
                    : await StoreExecution.ExecuteAsync(
                            lapsedOnly ? _statements.Leases.DeleteLapsedInstance(connection, licenseId, instanceId, now) : _statements.DeleteInstance(connection, licenseId, instanceId),
                            cancellationToken)
                        .ConfigureAwait(false);
                if (deleted == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    var current = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false) ?? license;
                    var renewed = lapsedOnly
                        ? await _execution.ReadOneAsync(c => _statements.InstanceById(c, businessId, licenseId, instanceId), _statements.ReadInstance, cancellationToken).ConfigureAwait(false)
                        : null;
                    return renewed is null
                        ? new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, current)
                        : new InstanceDeactivationResult(InstanceDeactivationOutcome.LeaseNotLapsed, current, renewed);
                }

                await StoreExecution.ExecuteAsync(_statements.ReleaseSlot(connection, businessId, licenseId, now), cancellationToken).ConfigureAwait(false);
                var updated = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
                await RecordEventAsync(LicenseEventRecord.Deactivated(updated!, instance!), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new InstanceDeactivationResult(InstanceDeactivationOutcome.Deactivated, updated!, instance);
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }
}
