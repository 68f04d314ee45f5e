using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class SqliteCreateAtomicityTests : CreateAtomicityTests
{
    protected override string RefuseEventsSql =>
        $"CREATE TRIGGER refuse_test_events BEFORE INSERT ON {LicenseKitModelBuilderExtensions.EventsTable} " +
        $"WHEN NEW.business_id = '{RefusedBusinessId}' BEGIN SELECT RAISE(ABORT, 'event refused'); END";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}
