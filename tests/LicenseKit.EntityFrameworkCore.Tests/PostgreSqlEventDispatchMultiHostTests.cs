namespace LicenseKit.EntityFrameworkCore.Tests;

[TestFixture]
public sealed class PostgreSqlEventDispatchMultiHostTests : EventDispatchMultiHostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
