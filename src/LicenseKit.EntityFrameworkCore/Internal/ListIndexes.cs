using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// What the model adds for the list beyond plain indexes: the partial index of archived licenses, the ids' binary
/// collation in the list indexes on PostgreSQL, and the keyset seek function that becomes a row-value comparison.
/// </summary>
internal static class ListIndexes
{
    /// <summary>The partial index that serves a list of archived licenses only.</summary>
    public const string ArchivedIndex = "ix_licensekit_licenses_business_archived_created";

    // Npgsql's annotation of per-column index collations (what IndexBuilder.UseCollation sets); other providers ignore it.
    private const string NpgsqlIndexCollation = "Npgsql:IndexCollation";

    // SQL Server's provider marks every model it builds with this annotation before OnModelCreating runs.
    private const string SqlServerModelMarker = "SqlServer:ValueGenerationStrategy";

    private static readonly MethodInfo BeforeMethod = typeof(ListIndexes).GetMethod(nameof(Before), BindingFlags.Public | BindingFlags.Static)!;
    private static readonly MethodInfo AtOrBeforeMethod = typeof(ListIndexes).GetMethod(nameof(AtOrBefore), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>
    /// Orders the index's last column, the id, under the binary collation "C" on PostgreSQL, the order the list sorts ids
    /// in, so the index gives the page order whole and a keyset seek can use it to the last column.
    /// </summary>
    public static IndexBuilder<LicenseEntity> HasOrdinalIds(this IndexBuilder<LicenseEntity> index)
    {
        var collations = new string?[index.Metadata.Properties.Count];
        collations[^1] = "C";
        return index.HasAnnotation(NpgsqlIndexCollation, collations);
    }

    /// <summary>Adds the partial index of archived licenses, in page order within a business.</summary>
    public static void AddArchived(ModelBuilder modelBuilder, EntityTypeBuilder<LicenseEntity> license)
    {
        // A boolean column is a predicate on PostgreSQL and SQLite; SQL Server keeps it in a bit.
        var filter = modelBuilder.Model.FindAnnotation(SqlServerModelMarker) is null ? "archived" : "[archived] = 1";
        license.HasIndex(l => new { l.BusinessId, l.CreatedAt, l.Id }, ArchivedIndex)
            .HasDatabaseName(ArchivedIndex)
            .HasFilter(filter)
            .HasOrdinalIds();
    }

    /// <summary>
    /// Maps <see cref="Before"/> and <see cref="AtOrBefore"/> to row-value comparisons, which PostgreSQL and SQLite turn
    /// into an index bound on (created_at, id), so a deep page starts where the cursor points instead of filtering every
    /// row newer than it.
    /// </summary>
    public static void AddKeysetSeek(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(BeforeMethod).HasTranslation(arguments => RowComparison(ExpressionType.LessThan, arguments));
        modelBuilder.HasDbFunction(AtOrBeforeMethod).HasTranslation(arguments => RowComparison(ExpressionType.LessThanOrEqual, arguments));
    }

    /// <summary>Whether a provider compares row values (PostgreSQL, SQLite 3.15 and later); SQL Server does not.</summary>
    public static bool ComparesRowValues(string? providerName) =>
        providerName is ProviderNames.PostgreSql or ProviderNames.Sqlite;

    /// <summary>(createdAt, id) &lt; (afterCreatedAt, afterId), in SQL only.</summary>
    public static bool Before(long createdAt, string id, long afterCreatedAt, string afterId) =>
        throw new InvalidOperationException("Only for queries the database runs.");

    /// <summary>(createdAt, id) &lt;= (afterCreatedAt, afterId), in SQL only.</summary>
    public static bool AtOrBefore(long createdAt, string id, long afterCreatedAt, string afterId) =>
        throw new InvalidOperationException("Only for queries the database runs.");

    // The comparison is a predicate in WHERE and never a value read back, so the store type of its mapping is never sent.
    private static readonly BoolTypeMapping Predicate = new("boolean");

    private static SqlBinaryExpression RowComparison(ExpressionType comparison, IReadOnlyList<SqlExpression> arguments) =>
        new(comparison, new RowValueExpression([arguments[0], arguments[1]]), new RowValueExpression([arguments[2], arguments[3]]), typeof(bool), Predicate);
}
