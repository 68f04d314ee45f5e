using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore;

// Updates: one UPDATE of the model's columns, conditional on the version.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public Task<LicenseEditResult> UpdateAsync(License license, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        return _execution.RetryableAsync(() => UpdateOnceAsync(license, expectedVersion, cancellationToken));
    }

    private async Task<LicenseEditResult> UpdateOnceAsync(License license, long expectedVersion, CancellationToken cancellationToken)
    {
        var connection = _execution.Connection;
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var updated = await StoreExecution.ExecuteAsync(_statements.UpdateLicense(connection, LicenseMapper.ToEntity(license), expectedVersion), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 1)
            {
                return new LicenseEditResult(LicenseEditOutcome.Updated, license with { Version = expectedVersion + 1 });
            }
        }
        finally
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        var stored = await FindLicenseAsync(license.BusinessId, license.Id, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new LicenseEditResult(LicenseEditOutcome.NotFound)
            : new LicenseEditResult(LicenseEditOutcome.ConcurrencyConflict, stored);
    }
}
