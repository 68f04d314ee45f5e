using LicenseKit.EntityFrameworkCore;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>A host that enables Npgsql's retrying execution strategy, alone and with its own transaction.</summary>
[TestFixture]
public sealed class PostgreSqlRetryingStrategyTests
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreatePostgresAsync();

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task ActivateAndDeactivate_WithRetryingStrategy_Succeed()
    {
        await using var context = CreateRetryingContext();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
        var license = StoreRecords.NewLicense("biz_retry", "RETRY-", activationsLimit: 1);
        (await store.CreateAsync(license, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);

        var activated = await store.ActivateAsync(StoreRecords.Activation(license, "device-1"));
        var deactivated = await store.DeactivateAsync(license.BusinessId, license.Id, activated.Instance!.Id, StoreRecords.Now.AddMinutes(1));

        activated.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        deactivated.Outcome.Should().Be(InstanceDeactivationOutcome.Deactivated);
        deactivated.License.Should().Be(license with { UpdatedAt = StoreRecords.Now.AddMinutes(1), Version = 3 });
    }

    [Test]
    public async Task Activate_InsideHostTransactionOfRetryingStrategy_CommitsWithTheHost()
    {
        await using var context = CreateRetryingContext();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
        var license = StoreRecords.NewLicense("biz_retry", "RETRY-", activationsLimit: 1);
        await store.CreateAsync(license, null);

        var strategy = context.Database.CreateExecutionStrategy();
        var results = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var first = await store.ActivateAsync(StoreRecords.Activation(license, "device-1"));
            var full = await store.ActivateAsync(StoreRecords.Activation(license, "device-2"));
            var again = await store.ActivateAsync(StoreRecords.Activation(license, "device-1"));
            await transaction.CommitAsync();
            return (first, full, again);
        });

        results.first.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        results.full.Outcome.Should().Be(InstanceActivationOutcome.LimitReached);
        results.again.Outcome.Should().Be(InstanceActivationOutcome.ExistingInstance);
        await using var check = _database.CreateContext();
        var stored = await new EntityFrameworkCoreLicenseStore<TestDbContext>(check).FindByIdAsync(license.BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(1);
        stored.Version.Should().Be(2);
    }

    [Test]
    public async Task Create_DuplicateKeyInsideHostTransactionOfRetryingStrategy_KeepsTheTransactionUsable()
    {
        // PostgreSQL aborts a whole transaction on a failed statement unless it is behind a savepoint.
        await using var context = CreateRetryingContext();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
        var first = StoreRecords.NewLicense("biz_retry", "RETRY-", activationsLimit: 1);
        var duplicate = StoreRecords.NewLicense("biz_retry", "RETRY-", activationsLimit: 1) with { KeyHash = first.KeyHash };
        var second = StoreRecords.NewLicense("biz_retry", "RETRY-", activationsLimit: 1);

        var strategy = context.Database.CreateExecutionStrategy();
        var outcomes = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var created = await store.CreateAsync(first, new LicenseIdempotency("idem-" + first.Id, "hash"));
            var refused = await store.CreateAsync(duplicate, null);
            var createdAfter = await store.CreateAsync(second, null);
            await transaction.CommitAsync();
            return (created.Outcome, refused.Outcome, createdAfter.Outcome);
        });

        outcomes.Should().Be((LicenseCreateOutcome.Created, LicenseCreateOutcome.DuplicateKey, LicenseCreateOutcome.Created));
        await using var check = _database.CreateContext();
        var checkStore = new EntityFrameworkCoreLicenseStore<TestDbContext>(check);
        (await checkStore.FindByIdAsync(first.BusinessId, first.Id)).Should().Be(first);
        (await checkStore.FindByIdAsync(first.BusinessId, duplicate.Id)).Should().BeNull();
        (await checkStore.FindByKeyAsync(second.BusinessId, second.KeyHash!)).Should().Be(second);
    }

    private TestDbContext CreateRetryingContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(_database.ConnectionString, o => o.EnableRetryOnFailure()).Options);
}
