using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>
/// The list plans on PostgreSQL, with statistics gathered and sequential scans, bitmap scans and sorts priced out, so
/// the plan shows the index the planner would take on a large table and whether it can give the page order. Ids are ordered with the binary collation "C" and the index holds them in
/// the database's, so ties on created_at may be put in order by an incremental sort; a full sort would fail.
/// </summary>
[TestFixture]
public sealed partial class PostgreSqlListPlanTests : ListPlanTests
{
    protected override string ExplainPrefix => "EXPLAIN ";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();

    protected override bool SortsRows(string plan) => FullSort().IsMatch(plan);

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

    // A plan node line ("Sort  (cost=…" or "->  Sort  (cost=…"), not a "Sort Key:" detail of an incremental sort.
    [GeneratedRegex(@"^\s*(->\s*)?Sort\s+\(", RegexOptions.Multiline)]
    private static partial Regex FullSort();
}
