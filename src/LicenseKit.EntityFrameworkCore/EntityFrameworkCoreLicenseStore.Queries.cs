using System.Linq.Expressions;
using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore;

// Lookups run the model's statements; the filtered list and the instance list go through EF's query pipeline.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    /// <inheritdoc />
    public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        LookupValues.CannotMatch(businessId, licenseId) ? Task.FromResult<License?>(null) : FindLicenseAsync(businessId, licenseId, cancellationToken);

    /// <inheritdoc />
    public Task<License?> FindByKeyAsync(string businessId, string keyHash, CancellationToken cancellationToken = default) =>
        LookupValues.CannotMatch(businessId, keyHash)
            ? Task.FromResult<License?>(null)
            : _execution.ReadOneAsync(c => _statements.LicenseByKey(c, businessId, keyHash), _statements.LicenseReader, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (LookupValues.CannotMatch(businessId, query.ProductId, query.CustomerId))
        {
            return [];
        }

        var licenses = _context.Set<LicenseEntity>().AsNoTracking().Where(l => l.BusinessId == businessId);
        if (query.ProductId is { } productId)
        {
            licenses = licenses.Where(l => l.ProductId == productId);
        }

        if (query.CustomerId is { } customerId)
        {
            licenses = licenses.Where(l => l.CustomerId == customerId);
        }

        if (query.Status is { } status)
        {
            var storedStatus = LicenseMapper.ToStatus(status);
            licenses = licenses.Where(l => l.Status == storedStatus);
        }

        // A constant, not a parameter: the planner may take the partial index of archived licenses only when it sees one.
        if (query.Archived is { } archived)
        {
            licenses = archived ? licenses.Where(l => l.Archived) : licenses.Where(l => !l.Archived);
        }

        if (query.CreatedFrom is { } createdFrom)
        {
            var from = LicenseMapper.ToUnixMs(createdFrom);
            licenses = licenses.Where(l => l.CreatedAt >= from);
        }

        if (query.CreatedBefore is { } createdBefore)
        {
            var before = LicenseMapper.ToUnixMs(createdBefore);
            licenses = licenses.Where(l => l.CreatedAt < before);
        }

        if (query.After is { } after)
        {
            var afterCreatedAt = LicenseMapper.ToUnixMs(after.CreatedAt);

            // string.Compare becomes SQL's "<" under the column's (ordinal) collation; the analyzer cannot know. For ids
            // without U+0000 (all stored ones), "id < p + '\0' + q" holds exactly when "id <= p", which every database can
            // be asked without the character it cannot take.
#pragma warning disable CA1309
            if (_rowValues)
            {
                licenses = KeysetSeek(licenses, afterCreatedAt, after.Id);
            }
            else if (after.Id.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
            {
                var afterPrefix = after.Id[..nul];
                licenses = licenses.Where(Ordinal<LicenseEntity, bool>(
                    l => l.CreatedAt < afterCreatedAt || (l.CreatedAt == afterCreatedAt && string.Compare(l.Id, afterPrefix) <= 0)));
            }
            else
            {
                var afterId = after.Id;
                licenses = licenses.Where(Ordinal<LicenseEntity, bool>(
                    l => l.CreatedAt < afterCreatedAt || (l.CreatedAt == afterCreatedAt && string.Compare(l.Id, afterId) < 0)));
            }
#pragma warning restore CA1309
        }

        var page = await licenses
            .OrderByDescending(l => l.CreatedAt)
            .ThenByDescending(Ordinal<LicenseEntity, string>(l => l.Id))
            .Take(query.Limit)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return page.ConvertAll(LicenseMapper.ToLicense);
    }

    /// <inheritdoc />
    public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default)
    {
        if (LookupValues.CannotMatch(businessId, licenseId) || LookupValues.CannotMatch(instanceId ?? fingerprint))
        {
            return Task.FromResult<LicenseInstance?>(null);
        }

        if (instanceId is not null)
        {
            return _execution.ReadOneAsync(c => _statements.InstanceById(c, businessId, licenseId, instanceId), _statements.ReadInstance, cancellationToken);
        }

        return fingerprint is null
            ? Task.FromResult<LicenseInstance?>(null)
            : _execution.ReadOneAsync(c => _statements.InstanceByFingerprintInBusiness(c, businessId, licenseId, fingerprint), _statements.ReadInstance, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default)
    {
        if (LookupValues.CannotMatch(businessId, licenseId))
        {
            return [];
        }

        var licenses = _context.Set<LicenseEntity>();
        var instances = await _context.Set<LicenseInstanceEntity>().AsNoTracking()
            .Where(i => i.LicenseId == licenseId && licenses.Any(l => l.Id == licenseId && l.BusinessId == businessId))
            .OrderBy(i => i.CreatedAt)
            .ThenBy(Ordinal<LicenseInstanceEntity, string>(i => i.Id))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return instances.ConvertAll(LicenseMapper.ToInstance);
    }

    private Expression<Func<TEntity, TResult>> Ordinal<TEntity, TResult>(Expression<Func<TEntity, TResult>> expression) =>
        _ordinalIds is null ? expression : _ordinalIds.Rewrite(expression);
}
