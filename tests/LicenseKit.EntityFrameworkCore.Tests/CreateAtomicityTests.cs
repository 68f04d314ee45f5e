using System.Data.Common;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// A creation whose last statement, the event insert, is refused by the database: the license and idempotency inserts
/// sent before it in the same unit must not survive, with or without a host transaction.
/// </summary>
public abstract class CreateAtomicityTests
{
    /// <summary>The business whose events the test database refuses (a trigger or check constraint added here).</summary>
    protected const string RefusedBusinessId = "biz_event_refused";

    private TestDatabase _database = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>The SQL that makes the database refuse every event of <see cref="RefusedBusinessId"/>.</summary>
    protected abstract string RefuseEventsSql { get; }

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await CreateDatabaseAsync();
        await using var context = _database.CreateContext();
        await context.Database.ExecuteSqlRawAsync(RefuseEventsSql);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task Create_EventRefused_LeavesNoLicenseAndNoIdempotencyRecord()
    {
        var license = StoreRecords.NewLicense(RefusedBusinessId, "ATOM-", activationsLimit: 1);
        await using (var context = _database.CreateContext())
        {
            var create = () => new EntityFrameworkCoreLicenseStore<TestDbContext>(context).CreateAsync(license, new LicenseIdempotency("idem-" + license.Id, "hash"));
            await create.Should().ThrowAsync<DbException>();
        }

        (await CountAsync(LicenseKitModelBuilderExtensions.LicensesTable, license.BusinessId)).Should().Be(0);
        (await CountAsync(LicenseKitModelBuilderExtensions.IdempotencyTable, license.BusinessId)).Should().Be(0);
        (await CountAsync(LicenseKitModelBuilderExtensions.EventsTable, license.BusinessId)).Should().Be(0);
    }

    [Test]
    public async Task Create_EventRefusedInsideHostTransaction_UndoesOnlyItsOwnStatements()
    {
        var before = StoreRecords.NewLicense("biz_atomic_host", "ATOM-", activationsLimit: 1);
        var refused = StoreRecords.NewLicense(RefusedBusinessId, "ATOM-", activationsLimit: 1);
        var after = StoreRecords.NewLicense("biz_atomic_host", "ATOM-", activationsLimit: 1);
        await using (var context = _database.CreateContext())
        {
            var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
            await using var transaction = await context.Database.BeginTransactionAsync();
            (await store.CreateAsync(before, new LicenseIdempotency("idem-" + before.Id, "hash"))).Outcome.Should().Be(LicenseCreateOutcome.Created);
            var create = () => store.CreateAsync(refused, new LicenseIdempotency("idem-" + refused.Id, "hash"));
            await create.Should().ThrowAsync<DbException>();

            // The host's transaction is still usable: a later write and the commit land.
            (await store.CreateAsync(after, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);
            await transaction.CommitAsync();
        }

        (await CountAsync(LicenseKitModelBuilderExtensions.LicensesTable, RefusedBusinessId)).Should().Be(0);
        (await CountAsync(LicenseKitModelBuilderExtensions.IdempotencyTable, RefusedBusinessId)).Should().Be(0);
        (await CountAsync(LicenseKitModelBuilderExtensions.LicensesTable, "biz_atomic_host")).Should().Be(2);
        (await CountAsync(LicenseKitModelBuilderExtensions.IdempotencyTable, "biz_atomic_host")).Should().Be(1);
        (await CountAsync(LicenseKitModelBuilderExtensions.EventsTable, "biz_atomic_host")).Should().Be(2);
    }

    private async Task<int> CountAsync(string table, string businessId)
    {
        await using var context = _database.CreateContext();
#pragma warning disable EF1002 // The table name is one of the model's constants; the business id is a parameter.
        return await context.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {table} WHERE business_id = {{0}}", businessId).SingleAsync();
#pragma warning restore EF1002
    }
}
