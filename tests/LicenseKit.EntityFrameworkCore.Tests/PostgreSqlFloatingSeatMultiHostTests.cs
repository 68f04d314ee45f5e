namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class PostgreSqlFloatingSeatMultiHostTests : FloatingSeatMultiHostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
