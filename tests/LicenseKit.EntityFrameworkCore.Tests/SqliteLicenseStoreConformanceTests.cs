namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class SqliteLicenseStoreConformanceTests : EntityFrameworkCoreConformanceTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}
