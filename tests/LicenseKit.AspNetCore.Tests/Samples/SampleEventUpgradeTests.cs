using LicenseKit.EntityFrameworkCore.Tests;
using LicenseKit.Samples.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The upgrade to AddEventDeliveredTargets on a real database: a database migrated by the sample's migrations up to
/// AddEventTransactionIds, holding an event recorded before the upgrade, then migrated to the latest. The old event has
/// no delivered targets (NULL), goes to every handler, and the targets that take it are stored in the new column.
/// </summary>
[TestFixture(SampleStore.Sqlite)]
[TestFixture(SampleStore.Postgres)]
public sealed class SampleEventUpgradeTests(SampleStore store)
{
    private const string BusinessId = "biz_upgrade";
    private TestDatabase? _database;

    [SetUp]
    public async Task CreateDatabase() =>
        _database = store == SampleStore.Sqlite ? await TestDatabase.CreateSqliteAsync(createSchema: false) : await TestDatabase.CreatePostgresAsync(createSchema: false);

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task AddEventDeliveredTargets_EventRecordedBefore_IsDeliveredToEachHandlerOnce()
    {
        await using (var context = CreateContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("AddEventTransactionIds");
            var before = await RecordedEventAsync();
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO licensekit_license_events (id, type, business_id, license_id, occurred_at, payload, state, attempts, next_attempt_at, transaction_id)
                VALUES ({before.Id}, {before.Type}, {BusinessId}, {before.LicenseId}, 1, {before.Payload}, 0, 0, 1, 0)
                """);
            await context.Database.MigrateAsync();
            (await context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }

        var steady = new CountingHandler(failures: 0);
        var flaky = new CountingHandler(failures: 1);
        var services = new ServiceCollection();
        _ = store == SampleStore.Sqlite
            ? services.AddDbContext<LicensesDbContext, SqliteLicensesDbContext>(o => ConfigureContext(o))
            : services.AddDbContext<LicensesDbContext, PostgresLicensesDbContext>(o => ConfigureContext(o));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                o.KeyHashing.Secrets["upgrade"] = Convert.ToBase64String(new byte[32]);
            })
            .UseEntityFrameworkCore<LicensesDbContext>()
            .UseTimeProvider(time)
            .AddEventHandler(steady)
            .AddEventHandler(flaky);
        await using var host = services.BuildServiceProvider(validateScopes: true);
        var delivery = host.GetRequiredService<LicenseEventDelivery>();
        await using var scope = host.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<ILicenseEventLog>();

        await delivery.DeliverDueAsync();
        var failed = (await log.ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Subject;
        time.Advance(delivery.Options.MaxRetryDelay); // the backoff of the failed attempt has passed
        await delivery.DeliverDueAsync();

        failed.DeliveredTargets.Should().Equal(typeof(CountingHandler).ToString());
        steady.Calls.Should().Be(1);
        flaky.Calls.Should().Be(2);
        (await log.ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Which.State.Should().Be(LicenseEventState.Delivered);
    }

    /// <summary>An issuing's event as LicenseKit records it, taken from the in-memory store.</summary>
    private static async Task<LicenseEventRecord> RecordedEventAsync()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = BusinessId);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        return (await scope.ServiceProvider.GetRequiredService<ILicenseEventLog>().ListAsync(new LicenseEventQuery())).Value!.Items.Single();
    }

    private LicensesDbContext CreateContext()
    {
        if (store == SampleStore.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteLicensesDbContext>();
            ConfigureContext(sqlite);
            return new SqliteLicensesDbContext(sqlite.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresLicensesDbContext>();
        ConfigureContext(postgres);
        return new PostgresLicensesDbContext(postgres.Options);
    }

    private DbContextOptionsBuilder ConfigureContext(DbContextOptionsBuilder options)
    {
        _database!.Configure(options);
        return options;
    }

    /// <summary>Throws on its first <c>failures</c> calls.</summary>
    private sealed class CountingHandler(int failures) : ILicenseEventHandler
    {
        private int _calls;

        public int Calls => _calls;

        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures ? throw new InvalidOperationException("down") : Task.CompletedTask;
    }
}
