using System.Data.Common;
using LicenseKit;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.EntityFrameworkCore.Internal;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Maintenance of the LicenseKit tables in a host's <see cref="DbContext"/>.</summary>
public static class LicenseKitKeyNormalizationExtensions
{
    private const int PageSize = 1000;

    /// <summary>
    /// Recomputes every license's normalized key with <see cref="LicenseKeyNormalizer.Normalize"/> and writes the ones
    /// that changed: the upgrade step for keys stored by a version that normalized them differently (before 0.2, without
    /// Unicode compatibility folding). A license whose new normalized key is taken by another license of its business keeps
    /// its old one and is reported. Running it again changes nothing. Call it outside any transaction of yours.
    /// </summary>
    /// <param name="context">The host's context, whose model calls <see cref="LicenseKitModelBuilderExtensions.UseLicenseKit"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; rows written so far stay written.</param>
    /// <returns>How many keys were normalized again, and which licenses could not be.</returns>
    public static async Task<LicenseKeyNormalizationResult> RenormalizeLicenseKeysAsync(this DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var licenses = context.Set<LicenseEntity>();
        var updated = 0;
        var conflicting = new List<string>();
        string? after = null;
        while (true)
        {
            // Page by page in the database's order of ids (the comparison uses the same collation), so memory stays flat.
#pragma warning disable CA1309 // string.Compare becomes SQL's ">" under the column's collation.
            var page = await licenses.AsNoTracking()
                .Where(l => after == null || string.Compare(l.Id, after) > 0)
                .OrderBy(l => l.Id)
                .Take(PageSize)
                .Select(l => new { l.Id, l.Key, l.NormalizedKey })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
#pragma warning restore CA1309
            foreach (var row in page)
            {
                var normalized = LicenseKeyNormalizer.Normalize(row.Key);
                if (normalized == row.NormalizedKey)
                {
                    continue;
                }

                try
                {
                    // Conditional on the old value: a license re-keyed meanwhile is left as it is now.
                    updated += await licenses
                        .Where(l => l.Id == row.Id && l.NormalizedKey == row.NormalizedKey)
                        .ExecuteUpdateAsync(s => s.SetProperty(l => l.NormalizedKey, normalized), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    conflicting.Add(row.Id);
                }
                catch (DbException)
                {
                    conflicting.Add(row.Id);
                }
            }

            if (page.Count < PageSize)
            {
                return new LicenseKeyNormalizationResult(updated, conflicting);
            }

            after = page[^1].Id;
        }
    }
}
