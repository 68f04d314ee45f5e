using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>The list plans on SQLite, without statistics (hosts rarely run ANALYZE on SQLite).</summary>
[TestFixture]
public sealed class SqliteListPlanTests : ListPlanTests
{
    protected override string ExplainPrefix => "EXPLAIN QUERY PLAN ";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();

    protected override bool SortsRows(string plan) => plan.Contains("TEMP B-TREE", StringComparison.Ordinal);

    // "SEARCH l USING INDEX ix (business_id=? AND customer_id=? AND (created_at,id)<(?,?))".
    protected override bool SeeksToCursor(string plan) =>
        Regex.IsMatch(plan, @"USING (COVERING )?INDEX \S+ \([^)]*\(created_at,id\)<");

    protected override Task GatherStatisticsAsync(DbContext context) => Task.CompletedTask;
}
