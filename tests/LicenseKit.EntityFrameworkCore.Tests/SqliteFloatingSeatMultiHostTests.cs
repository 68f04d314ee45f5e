namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class SqliteFloatingSeatMultiHostTests : FloatingSeatMultiHostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}
