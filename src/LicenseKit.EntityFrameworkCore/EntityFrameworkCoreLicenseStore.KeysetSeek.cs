using LicenseKit.EntityFrameworkCore.Internal;

namespace LicenseKit.EntityFrameworkCore;

// The list's next page on providers with row values: one comparison the planner turns into an index bound.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext>
{
    private IQueryable<LicenseEntity> KeysetSeek(IQueryable<LicenseEntity> licenses, long afterCreatedAt, string afterId)
    {
        // For ids without U+0000 (all stored ones), "id < p + '\0' + q" holds exactly when "id <= p", which every
        // database can be asked without the character it cannot take.
        if (afterId.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var afterPrefix = afterId[..nul];
            return licenses.Where(Ordinal<LicenseEntity, bool>(l => ListIndexes.AtOrBefore(l.CreatedAt, l.Id, afterCreatedAt, afterPrefix)));
        }

        return licenses.Where(Ordinal<LicenseEntity, bool>(l => ListIndexes.Before(l.CreatedAt, l.Id, afterCreatedAt, afterId)));
    }
}
