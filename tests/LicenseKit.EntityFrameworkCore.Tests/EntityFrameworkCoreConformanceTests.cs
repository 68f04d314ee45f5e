using System.Collections.Concurrent;
using LicenseKit.Testing;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>Runs the store conformance suite against the EF Core store, one context per caller, on a fixture-wide database.</summary>
public abstract class EntityFrameworkCoreConformanceTests : LicenseStoreConformanceTests
{
    private readonly ConcurrentBag<TestDbContext> _contexts = [];
    private TestDatabase? _database;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await CreateDatabaseAsync();

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [TearDown]
    public async Task DisposeContexts()
    {
        while (_contexts.TryTake(out var context))
        {
            await context.DisposeAsync();
        }
    }

    protected override ILicenseStore CreateStore()
    {
        var context = _database!.CreateContext();
        _contexts.Add(context);
        return new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
    }
}
