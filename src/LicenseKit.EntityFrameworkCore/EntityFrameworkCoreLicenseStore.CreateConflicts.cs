using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore;

// Which unique index refused a creation, read from what is committed after the refusal.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <summary>The conflict that explains a refused insert, in the documented order; <see langword="null"/> when none does.</summary>
    private async Task<LicenseCreateResult?> FindCreateConflictAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken)
    {
        if (idempotency is not null)
        {
            var record = await _execution.ReadOneAsync(c => _statements.IdempotencyByKey(c, license.BusinessId, idempotency.KeyHash), _statements.ReadIdempotency, cancellationToken)
                .ConfigureAwait(false);
            if (record is not null)
            {
                var earlier = await FindLicenseAsync(license.BusinessId, record.LicenseId, cancellationToken).ConfigureAwait(false);
                return new LicenseCreateResult(LicenseCreateOutcome.IdempotencyKeyExists, earlier, record.RequestHash);
            }
        }

        if (await _execution.ReadOneAsync(c => _statements.LicenseIdTaken(c, license.Id), r => r.GetString(0), cancellationToken).ConfigureAwait(false) is not null)
        {
            return new LicenseCreateResult(LicenseCreateOutcome.DuplicateId);
        }

        var keyHash = LicenseKeyHashRequirement.Of(license);
        if (await _execution.ReadOneAsync(c => _statements.LicenseByKey(c, license.BusinessId, keyHash), _statements.LicenseReader, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new LicenseCreateResult(LicenseCreateOutcome.DuplicateKey);
        }

        return null;
    }
}
