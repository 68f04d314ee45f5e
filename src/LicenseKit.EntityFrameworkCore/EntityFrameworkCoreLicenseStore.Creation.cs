using System.Data.Common;
using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore;

// Creation: the unique indexes decide; a refused insert is diagnosed afterwards (CreateConflicts).
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public async Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        var row = LicenseMapper.ToEntity(license);
        var record = idempotency is null ? null : LicenseMapper.ToEntity(license, idempotency);
        var licenseEvent = LicenseEventRecord.Issued(license);
        await _execution.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _execution.RetryableAsync(() => InsertAsync(row, record, licenseEvent, cancellationToken)).ConfigureAwait(false);
            return new LicenseCreateResult(LicenseCreateOutcome.Created, license);
        }
        catch (DbException)
        {
            // A unique index refused the insert (the concurrent winner has committed by now); report which one, in the
            // documented order. Anything else is not an expected outcome and propagates.
            var conflict = await FindCreateConflictAsync(license, idempotency, cancellationToken).ConfigureAwait(false);
            if (conflict is null)
            {
                throw;
            }

            return conflict;
        }
        finally
        {
            await _execution.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Inserts the license, its idempotency record and its event as one unit (one round trip where the provider batches
    /// atomically, else in a transaction, or behind a savepoint in the host's), so a refused insert leaves nothing
    /// behind and the host's transaction usable.
    /// </summary>
    private async Task<bool> InsertAsync(LicenseEntity row, LicenseIdempotencyEntity? record, LicenseEventRecord licenseEvent, CancellationToken cancellationToken)
    {
        var connection = _execution.Connection;
        DbCommand[] commands = record is null
            ? [_statements.InsertLicense(connection, row), InsertEvent(licenseEvent)]
            : [_statements.InsertLicense(connection, row), _statements.InsertIdempotency(connection, record), InsertEvent(licenseEvent)];
        await _execution.WriteTogetherAsync(commands, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
