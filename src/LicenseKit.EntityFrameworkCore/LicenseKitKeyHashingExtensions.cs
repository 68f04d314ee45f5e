using System.Data.Common;
using System.Text.RegularExpressions;
using LicenseKit;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.EntityFrameworkCore.Internal;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Maintenance of the keys in the LicenseKit tables of a host's <see cref="DbContext"/>.</summary>
public static partial class LicenseKitKeyHashingExtensions
{
    private const int PageSize = 1000;

    /// <summary>
    /// Brings every stored key to the current hashing secret, in place: rows written before keys were hashed get their
    /// plaintext replaced by hash, hint and (with <paramref name="protector"/>) protected form; rows hashed under an older
    /// secret whose protected key can be decrypted are re-hashed; plaintext idempotency keys are hashed. Run it after the
    /// <c>HashLicenseKeys</c> migration, before serving, and after each change of the current secret. Running it again changes
    /// nothing. Call it outside any transaction of yours.
    /// </summary>
    /// <param name="context">The host's context, whose model calls <see cref="LicenseKitModelBuilderExtensions.UseLicenseKit"/>.</param>
    /// <param name="hasher">The host's hasher (<c>services.GetRequiredService&lt;ILicenseKeyHasher&gt;()</c>).</param>
    /// <param name="protector">The host's protector when keys are stored encrypted, else <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation; rows written so far stay written.</param>
    /// <returns>What was done, and what could not be.</returns>
    public static async Task<LicenseKeyHashingResult> HashLicenseKeysAsync(this DbContext context, ILicenseKeyHasher hasher, ILicenseKeyProtector? protector = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(hasher);
        var licenses = context.Set<LicenseEntity>();
        int hashed = 0, rehashed = 0, notRehashable = 0;
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
                .Select(l => new { l.Id, l.Key, l.KeyHash, l.ProtectedKey })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
#pragma warning restore CA1309
            foreach (var row in page)
            {
                if (row.Key is { } plaintext)
                {
                    var normalized = LicenseKeyNormalizer.Normalize(plaintext);
                    var hash = hasher.Hash(normalized);
                    var hint = LicenseKeyHint.Of(normalized);
                    var protectedKey = protector?.Protect(plaintext);
                    var written = await TryUpdateAsync(
                        licenses.Where(l => l.Id == row.Id && l.Key == plaintext),
                        s => s.SetProperty(l => l.Key, (string?)null).SetProperty(l => l.KeyHash, hash).SetProperty(l => l.KeyHint, hint).SetProperty(l => l.ProtectedKey, protectedKey),
                        cancellationToken).ConfigureAwait(false);
                    if (written is null)
                    {
                        conflicting.Add(row.Id);
                    }

                    hashed += written ?? 0;
                }
                else if (row.KeyHash is { } oldHash && !hasher.IsCurrent(oldHash))
                {
                    if (protector is null || row.ProtectedKey is null)
                    {
                        notRehashable++;
                        continue;
                    }

                    var hash = hasher.Hash(LicenseKeyNormalizer.Normalize(protector.Unprotect(row.ProtectedKey)));
                    rehashed += await TryUpdateAsync(
                        licenses.Where(l => l.Id == row.Id && l.KeyHash == oldHash),
                        s => s.SetProperty(l => l.KeyHash, hash),
                        cancellationToken).ConfigureAwait(false) ?? 0;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        var idempotencyHashed = await HashIdempotencyKeysAsync(context, hasher, cancellationToken).ConfigureAwait(false);
        return new LicenseKeyHashingResult(hashed, rehashed, idempotencyHashed, notRehashable, conflicting);
    }

    // Idempotency records are short-lived and few; a value that is not shaped like a hash is a key written before hashing.
    private static async Task<int> HashIdempotencyKeysAsync(DbContext context, ILicenseKeyHasher hasher, CancellationToken cancellationToken)
    {
        var records = context.Set<LicenseIdempotencyEntity>();
        var rows = await records.AsNoTracking().Select(r => new { r.BusinessId, r.KeyHash }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var hashed = 0;
        foreach (var row in rows.Where(r => !HashShape().IsMatch(r.KeyHash)))
        {
            var hash = hasher.Hash(row.KeyHash);
            hashed += await TryUpdateAsync(
                records.Where(r => r.BusinessId == row.BusinessId && r.KeyHash == row.KeyHash),
                s => s.SetProperty(r => r.KeyHash, hash),
                cancellationToken).ConfigureAwait(false) ?? 0;
        }

        return hashed;
    }

    // Conditional on the value read: a row changed meanwhile is left as it is now. Null when a unique index refused it.
    private static async Task<int?> TryUpdateAsync<T>(IQueryable<T> rows, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>> set, CancellationToken cancellationToken)
    {
        try
        {
            return await rows.ExecuteUpdateAsync(set, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return null;
        }
        catch (DbException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}:[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashShape();
}
