namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class SqliteMultiHostTests : MultiHostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}
