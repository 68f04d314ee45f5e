using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class PostgreSqlCreateAtomicityTests : CreateAtomicityTests
{
    protected override string RefuseEventsSql =>
        $"ALTER TABLE {LicenseKitModelBuilderExtensions.EventsTable} ADD CONSTRAINT ck_refuse_test_events CHECK (business_id <> '{RefusedBusinessId}')";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
