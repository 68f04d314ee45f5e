namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class PostgreSqlLicenseStoreConformanceTests : EntityFrameworkCoreConformanceTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
