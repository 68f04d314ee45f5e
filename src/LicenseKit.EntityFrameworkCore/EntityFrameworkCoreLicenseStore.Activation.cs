using System.Data.Common;
using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore;

// Activation: a conditional UPDATE claims a slot under ActivationRule, the instance INSERT follows in one transaction.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public async Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (LookupValues.CannotMatch(activation.BusinessId, activation.LicenseId))
        {
            return new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound);
        }

        // One connection for all the statements of the activation, as a hand-written data layer would hold it.
        await _execution.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The reads answer with the reason ActivationRule gives; the conditional UPDATE re-checks the same rule
            // atomically, and the unique (license, fingerprint) index settles a race between two activations of one
            // device. A claim that finds nothing to claim means the license changed since the read: read it again. Each
            // turn follows another caller's committed write, so the loop ends.
            while (true)
            {
                var (refusal, takeOverLapsed) = await ExplainActivationAsync(activation, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return refusal;
                }

                var activated = await _execution.RetryableAsync(() => ActivateInTransactionAsync(activation, takeOverLapsed, cancellationToken)).ConfigureAwait(false);
                if (activated is not null)
                {
                    return activated;
                }
            }
        }
        finally
        {
            await _execution.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Claims a slot and inserts the instance; <see langword="null"/> when the license no longer takes it.</summary>
    private async Task<InstanceActivationResult?> ActivateInTransactionAsync(InstanceActivation activation, bool takeOverLapsed, CancellationToken cancellationToken)
    {
        var connection = _execution.Connection;
        var now = LicenseMapper.ToUnixMs(activation.Now);
        var transaction = await _execution.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Lapsed instances are deleted before the claim, so their seats count as free in it. Instance rows are locked
            // before the license row here as in every other write, so no two writes wait on each other in a cycle. When a
            // concurrent write removed or renewed one of them in between, the DELETE does not match what was read: start over.
            LicenseInstance[] removed = [];
            if (takeOverLapsed)
            {
                removed = await _statements.Leases.ReadInstancesAsync(_statements.Leases.LapsedOfLicense(connection, activation.LicenseId, now), cancellationToken).ConfigureAwait(false);
                var deleted = await StoreExecution.ExecuteAsync(_statements.Leases.DeleteLapsedOfLicense(connection, activation.LicenseId, now), cancellationToken).ConfigureAwait(false);
                if (deleted != removed.Length)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }
            }

            // The row lock taken by this statement is held until commit: a concurrent activation waits, then re-evaluates
            // the WHERE clause against the incremented count.
            var firstExpiry = activation.ExpiresAtOnFirstActivation is { } expiry ? LicenseMapper.ToUnixMs(expiry) : (long?)null;
            var claimed = await StoreExecution.ExecuteAsync(
                    _statements.ClaimSlot(connection, activation.BusinessId, activation.LicenseId, now, removed.Length, firstExpiry),
                    cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            try
            {
                // A null fingerprint is sent as SQL NULL; the unique index treats NULLs as distinct.
                await StoreExecution.ExecuteAsync(_statements.InsertInstance(connection, LicenseMapper.ToEntity(activation.Instance)), cancellationToken).ConfigureAwait(false);
            }
            catch (DbException) when (activation.Instance.Fingerprint is not null)
            {
                // The same fingerprint was activated concurrently: undo the claimed slot; the next read finds that instance.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            // The events of the lapsed instances taken over and of the activation go together: one round trip where the
            // provider batches.
            var license = await FindLicenseAsync(activation.BusinessId, activation.LicenseId, cancellationToken).ConfigureAwait(false);
            DbCommand[] events =
                [.. removed.Select(lapsed => InsertEvent(LicenseEventRecord.LeaseLapsed(license!, lapsed))), InsertEvent(LicenseEventRecord.Activated(license!, activation.Instance))];
            await CommandBatch.ExecuteAsync(connection, events, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new InstanceActivationResult(InstanceActivationOutcome.Activated, license!, activation.Instance) { RemovedLapsedInstances = removed };
        }
    }

    /// <summary>
    /// Decides with <see cref="ActivationRule"/>, from what is committed now, why an activation would not insert
    /// (<see langword="null"/> when it would), and whether it must take over lapsed instances (see <see cref="ILicenseStore.ActivateAsync"/>).
    /// </summary>
    private async Task<(InstanceActivationResult? Refusal, bool TakeOverLapsed)> ExplainActivationAsync(InstanceActivation activation, CancellationToken cancellationToken)
    {
        var license = await FindLicenseAsync(activation.BusinessId, activation.LicenseId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return (new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound), false);
        }

        if (ActivationRule.Refusal(license, activation.Now) is { } refusal)
        {
            return (new InstanceActivationResult(refusal, license), false);
        }

        LicenseInstance? existing = null;
        if (activation.Instance.Fingerprint is { } fingerprint)
        {
            existing = await _execution.ReadOneAsync(c => _statements.InstanceByFingerprint(c, activation.LicenseId, fingerprint), _statements.ReadInstance, cancellationToken)
                .ConfigureAwait(false);
            if (existing is not null && !ActivationRule.IsLapsed(existing, activation.Now))
            {
                return (new InstanceActivationResult(InstanceActivationOutcome.ExistingInstance, license, existing), false);
            }
        }

        if (existing is null && !ActivationRule.IsAtLimit(license))
        {
            return (null, false);
        }

        var lapsed = await CountLapsedAsync(activation.LicenseId, activation.Now, cancellationToken).ConfigureAwait(false);
        return ActivationRule.IsAtLimit(license, lapsed) ? (new InstanceActivationResult(InstanceActivationOutcome.LimitReached, license), false) : (null, true);
    }
}
