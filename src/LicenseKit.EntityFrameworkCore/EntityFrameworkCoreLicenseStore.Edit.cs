using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore;

// Edits: read, decide (LicenseEdit.Decide), then one UPDATE conditional on the last edit version and the limit.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public Task<LicenseEditResult> EditAsync(LicenseEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (LookupValues.CannotMatch(edit.BusinessId, edit.LicenseId))
        {
            return Task.FromResult(new LicenseEditResult(LicenseEditOutcome.NotFound));
        }

        return _execution.RetryableAsync(() => EditOnceAsync(edit, cancellationToken));
    }

    private async Task<LicenseEditResult> EditOnceAsync(LicenseEdit edit, CancellationToken cancellationToken)
    {
        var connection = _execution.Connection;
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // An UPDATE that matches no row lost a race to another edit or to activations past the new limit: read again
            // and decide again, which then answers with the conflict or the refusal. Each turn follows another caller's
            // committed write, so the loop ends; activations alone can only end it.
            while (true)
            {
                var row = await _execution.ReadOneAsync(c => _statements.LicenseById(c, edit.LicenseId, edit.BusinessId), _statements.ReadLicenseRow, cancellationToken)
                    .ConfigureAwait(false);
                if (row is null)
                {
                    return new LicenseEditResult(LicenseEditOutcome.NotFound);
                }

                var stored = LicenseMapper.ToLicense(row);
                var decision = edit.Decide(stored, row.LastEditVersion);
                if (decision.Outcome != LicenseEditOutcome.Edited)
                {
                    return decision;
                }

                var transaction = await _execution.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var written = await StoreExecution.ExecuteAsync(_statements.EditLicense(connection, LicenseMapper.ToEntity(decision.License!), row.LastEditVersion), cancellationToken)
                        .ConfigureAwait(false);
                    if (written == 1)
                    {
                        var edited = await FindLicenseAsync(edit.BusinessId, edit.LicenseId, cancellationToken).ConfigureAwait(false);
                        await RecordEventAsync(LicenseEventRecord.Edited(stored, edited!), cancellationToken).ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return decision with { License = edited };
                    }

                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }
}
