using LicenseKit.EntityFrameworkCore;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>What the EF store adds beyond the conformance suite: the host's context, its transactions and its model.</summary>
[TestFixture]
public sealed class EntityFrameworkCoreLicenseStoreTests
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateSqliteAsync();

    [OneTimeTearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task Operations_LeaveNothingTrackedInTheHostsContext()
    {
        await using var context = _database.CreateContext();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
        var license = StoreRecords.NewLicense("biz_tracking", "EF-", activationsLimit: 2);

        await store.CreateAsync(license, new LicenseIdempotency("idem", "hash"));
        await store.CreateAsync(license, null);
        var activated = await store.ActivateAsync(StoreRecords.Activation(license, "device-1"));
        await store.ActivateAsync(StoreRecords.Activation(license, "device-1"));
        await store.EditAsync(new LicenseEdit(license.BusinessId, license.Id, l => LicenseResult<License>.Success(l with { ProductId = "prod_changed" })));
        await store.DeactivateAsync(license.BusinessId, license.Id, activated.Instance!.Id, StoreRecords.Now);

        context.ChangeTracker.Entries().Should().BeEmpty();
    }

    [Test]
    public async Task ActivateAsync_InsideHostTransactionRolledBack_LeavesNoTrace()
    {
        var license = StoreRecords.NewLicense("biz_host_tx", "EF-", activationsLimit: 2);
        await using (var setup = _database.CreateContext())
        {
            await new EntityFrameworkCoreLicenseStore<TestDbContext>(setup).CreateAsync(license, null);
        }

        await using (var context = _database.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var result = await new EntityFrameworkCoreLicenseStore<TestDbContext>(context).ActivateAsync(StoreRecords.Activation(license, "device-1"));
            result.Outcome.Should().Be(InstanceActivationOutcome.Activated);
            await transaction.RollbackAsync();
        }

        await using var check = _database.CreateContext();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(check);
        (await store.FindByIdAsync(license.BusinessId, license.Id)).Should().Be(license);
        (await store.ListInstancesAsync(license.BusinessId, license.Id)).Should().BeEmpty();
    }

    [Test]
    public async Task CreateAsync_InsideHostTransactionRolledBack_LeavesNoTrace()
    {
        var license = StoreRecords.NewLicense("biz_host_tx_create", "EF-", activationsLimit: 2);
        await using (var context = _database.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
            var created = await store.CreateAsync(license, new LicenseIdempotency("idem-rolled-back", "hash"));
            created.Outcome.Should().Be(LicenseCreateOutcome.Created);
            (await store.FindByKeyAsync(license.BusinessId, license.KeyHash!)).Should().Be(license, "reads join the host's transaction");
            await transaction.RollbackAsync();
        }

        await using var check = _database.CreateContext();
        var checkStore = new EntityFrameworkCoreLicenseStore<TestDbContext>(check);
        (await checkStore.FindByIdAsync(license.BusinessId, license.Id)).Should().BeNull();
        (await checkStore.CreateAsync(license, new LicenseIdempotency("idem-rolled-back", "hash"))).Outcome.Should().Be(LicenseCreateOutcome.Created);
    }

    [Test]
    public async Task CreateAsync_DuplicateKeyInsideHostTransaction_KeepsTheHostsTransactionUsable()
    {
        var first = StoreRecords.NewLicense("biz_host_tx_duplicate", "EF-", activationsLimit: 2);
        var duplicate = StoreRecords.NewLicense(first.BusinessId, "EF-", activationsLimit: 2) with { KeyHash = first.KeyHash };
        var second = StoreRecords.NewLicense(first.BusinessId, "EF-", activationsLimit: 2);
        await using (var context = _database.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);

            (await store.CreateAsync(first, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);
            (await store.CreateAsync(duplicate, new LicenseIdempotency("idem-duplicate", "hash"))).Outcome.Should().Be(LicenseCreateOutcome.DuplicateKey);
            (await store.CreateAsync(second, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);
            await transaction.CommitAsync();
        }

        await using var check = _database.CreateContext();
        var checkStore = new EntityFrameworkCoreLicenseStore<TestDbContext>(check);
        (await checkStore.FindByIdAsync(first.BusinessId, first.Id)).Should().Be(first);
        (await checkStore.FindByIdAsync(first.BusinessId, duplicate.Id)).Should().BeNull();
        (await checkStore.FindByIdAsync(first.BusinessId, second.Id)).Should().Be(second);
    }

    [Test]
    public async Task Operations_OnAConnectionTheHostOpened_LeaveItOpen()
    {
        await using var context = _database.CreateContext();
        await context.Database.OpenConnectionAsync();
        var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
        var license = StoreRecords.NewLicense("biz_host_connection", "EF-", activationsLimit: 2);

        await store.CreateAsync(license, null);
        await store.FindByKeyAsync(license.BusinessId, license.KeyHash!);
        var activated = await store.ActivateAsync(StoreRecords.Activation(license, "device-1"));
        await store.FindInstanceAsync(license.BusinessId, license.Id, activated.Instance!.Id, null);

        context.Database.GetDbConnection().State.Should().Be(System.Data.ConnectionState.Open);
        await context.Database.CloseConnectionAsync();
    }

    [Test]
    public void UseLicenseKit_MapsTablesUniqueIndexesAndConcurrencyToken()
    {
        using var context = _database.CreateContext();
        var model = context.Model;

        var tables = model.GetEntityTypes().Select(e => e.GetTableName()).ToList();
        var uniqueIndexes = model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique).Select(i => $"{e.GetTableName()}({string.Join(",", i.Properties.Select(p => p.GetColumnName()))})"))
            .ToList();
        var version = model.GetEntityTypes().Single(e => e.GetTableName() == "licensekit_licenses").FindProperty("Version")!;

        tables.Should().BeEquivalentTo("licensekit_licenses", "licensekit_license_instances", "licensekit_idempotency", "licensekit_license_events");
        uniqueIndexes.Should().BeEquivalentTo("licensekit_licenses(business_id,key_hash)", "licensekit_license_instances(license_id,fingerprint)", "licensekit_license_events(id)");
        model.GetEntityTypes().Single(e => e.GetTableName() == "licensekit_idempotency").FindPrimaryKey()!.Properties
            .Select(p => p.GetColumnName()).Should().Equal("business_id", "idempotency_key_hash");
        version.IsConcurrencyToken.Should().BeTrue();
        version.GetColumnName().Should().Be("version");
    }

    [Test]
    public void UseEntityFrameworkCore_RegistersTheStoreScoped()
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(_database.Configure);

        services.AddLicenseKit(o =>
        {
            o.BusinessId = "biz_di";
            o.KeyHashing.Secrets["test"] = StoreRecords.HashingSecret;
        }).UseEntityFrameworkCore<TestDbContext>();

        var descriptor = services.Single(d => d.ServiceType == typeof(ILicenseStore));
        descriptor.Lifetime.Should().Be(ServiceLifetime.Scoped);
        descriptor.ImplementationType.Should().Be<EntityFrameworkCoreLicenseStore<TestDbContext>>();
    }
}
