namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class PostgreSqlMultiHostTests : MultiHostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
