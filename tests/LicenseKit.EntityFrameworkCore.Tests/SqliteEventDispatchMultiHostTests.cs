namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>SQLite has one writer at a time: the claims of two dispatchers serialize, and the contract holds the same.</summary>
[TestFixture]
public sealed class SqliteEventDispatchMultiHostTests : EventDispatchMultiHostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}
