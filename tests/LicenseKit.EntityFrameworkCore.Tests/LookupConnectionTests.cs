using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Lookups on SQLite skip EF Core's connection open only where nothing can notice: a host's connection interceptor sees
/// every open, and a lookup inside the host's transaction reads what that transaction wrote.
/// </summary>
[TestFixture]
public sealed class LookupConnectionTests
{
    private TestDatabase? _database;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateSqliteAsync();

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task FindByKeyAsync_WithConnectionInterceptor_OpensThroughTheContext()
    {
        var license = StoreRecords.NewLicense("biz_lookup", "INTERCEPTED", 1);
        await using (var seed = _database!.CreateContext())
        {
            await new EntityFrameworkCoreLicenseStore<TestDbContext>(seed).CreateAsync(license, null);
        }

        var opens = new CountingConnectionInterceptor();
        var options = new DbContextOptionsBuilder<TestDbContext>();
        _database.Configure(options);
        options.AddInterceptors(opens);
        await using var context = new TestDbContext(options.Options);

        var found = await new EntityFrameworkCoreLicenseStore<TestDbContext>(context).FindByKeyAsync(license.BusinessId, license.KeyHash!);
        var byId = await new EntityFrameworkCoreLicenseStore<TestDbContext>(context).FindByIdAsync(license.BusinessId, license.Id);

        found.Should().Be(license);
        byId.Should().Be(license);
        opens.Count.Should().Be(2);
    }

    [Test]
    public async Task FindByKeyAsync_InHostTransaction_ReadsWhatItWrote()
    {
        var license = StoreRecords.NewLicense("biz_lookup", "HOSTTX", 1);
        await using var context = _database!.CreateContext();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
        await using var transaction = await context.Database.BeginTransactionAsync();
        await store.CreateAsync(license, null);

        var found = await store.FindByKeyAsync(license.BusinessId, license.KeyHash!);
        await transaction.RollbackAsync();
        var afterRollback = await store.FindByKeyAsync(license.BusinessId, license.KeyHash!);

        found.Should().Be(license);
        afterRollback.Should().BeNull();
    }

    private sealed class CountingConnectionInterceptor : DbConnectionInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}
