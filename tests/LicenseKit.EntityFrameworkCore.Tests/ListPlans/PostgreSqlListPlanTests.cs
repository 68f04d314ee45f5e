using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>
/// The list plans on PostgreSQL, with statistics gathered and sequential scans, bitmap scans and sorts priced out, so
/// the plan shows the index the planner would take on a large table and whether it can give the page order. Ids are ordered with the binary collation "C", as the
/// list indexes hold them, so no sort at all (not even an incremental one of ties on created_at) may show.
/// </summary>
[TestFixture]
public sealed partial class PostgreSqlListPlanTests : ListPlanTests
{
    protected override string ExplainPrefix => "EXPLAIN ";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();

    protected override bool SortsRows(string plan) => FullSort().IsMatch(plan);

    // "Index Cond: (… AND (ROW(created_at, (id)::text) < ROW(…)))": the cursor bounds the index scan.
    protected override bool SeeksToCursor(string plan) =>
        Regex.IsMatch(plan, @"Index Cond: .*ROW\(created_at, .*id.*\) <=? ROW\(");

    protected override async Task GatherStatisticsAsync(DbContext context)
    {
        await context.Database.ExecuteSqlRawAsync("ANALYZE licensekit_licenses");
        // For every connection opened from now on: the pool is cleared so none keeps the old setting.
        var database = context.Database.GetDbConnection().Database;
        foreach (var setting in new[] { "enable_seqscan", "enable_bitmapscan", "enable_sort" })
        {
            var priceOut = $"ALTER DATABASE \"{database}\" SET {setting} = off";
            await context.Database.ExecuteSqlRawAsync(priceOut);
        }
        NpgsqlConnection.ClearAllPools();
    }

    // A plan node line ("Sort  (cost=…", "->  Incremental Sort  (cost=…"), not a "Sort Key:" detail.
    [GeneratedRegex(@"^\s*(->\s*)?(Incremental )?Sort\s+\(", RegexOptions.Multiline)]
    private static partial Regex FullSort();
}
