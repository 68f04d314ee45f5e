using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>The list plans on SQLite, without statistics (hosts rarely run ANALYZE on SQLite).</summary>
[TestFixture]
public sealed class SqliteListPlanTests : ListPlanTests
{
    protected override string ExplainPrefix => "EXPLAIN QUERY PLAN ";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();

    protected override bool SortsRows(string plan) => plan.Contains("TEMP B-TREE", StringComparison.Ordinal);

    protected override Task GatherStatisticsAsync(DbContext context) => Task.CompletedTask;
}
