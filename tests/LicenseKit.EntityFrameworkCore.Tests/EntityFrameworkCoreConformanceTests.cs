using LicenseKit.EntityFrameworkCore;
using System.Collections.Concurrent;
using LicenseKit.Stores;
using LicenseKit.Testing.NUnit;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Runs the store conformance suite against the EF Core store over <typeparamref name="TContext"/>, one context per
/// caller, on a fixture-wide database.
/// </summary>
public abstract class EntityFrameworkCoreConformanceTests<TContext> : LicenseStoreConformanceTests
    where TContext : DbContext
{
    private readonly ConcurrentBag<TContext> _contexts = [];
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture's database is not created yet.");

    /// <summary>Creates the fixture's database with the LicenseKit tables in it.</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    protected abstract TContext CreateContext(TestDatabase database);

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
        var context = CreateContext(Database);
        _contexts.Add(context);
        return new EntityFrameworkCoreLicenseStore<TContext>(context);
    }
}

/// <summary>The conformance suite on the tests' default context.</summary>
public abstract class EntityFrameworkCoreConformanceTests : EntityFrameworkCoreConformanceTests<TestDbContext>
{
    protected override TestDbContext CreateContext(TestDatabase database) => database.CreateContext();
}
