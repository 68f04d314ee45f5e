using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>
/// The upgrade path on a real database: a database created by the previous schema (the sample's migrations up to
/// AddListIndexes, as SQL) with plaintext keys and idempotency keys, then the HashLicenseKeys migration and the data step.
/// </summary>
public abstract class HashLicenseKeysUpgradeTests
{
    private TestDatabase? _database;

    protected abstract string Provider { get; }

    protected abstract Task<TestDatabase> CreateEmptyDatabaseAsync();

    [SetUp]
    public async Task CreateDatabase() => _database = await CreateEmptyDatabaseAsync();

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task MigrationAndDataStep_OnTodaysSchema_HashEveryKeyAndKeepEveryLicenseFindable()
    {
        await RunScriptAsync("TodaysSchema");
        var keys = new[] { "LEGACY-KEY-0001-AAAA", "legacy-key-0002-bbbb", "ＬＥＧＡＣＹ－０００３－ＣＣＣＣ" };
        await using (var context = _database!.CreateContext())
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var id = "lic_legacy" + i.ToString(CultureInfo.InvariantCulture);
                await context.Database.ExecuteSqlAsync($"""
                    INSERT INTO licensekit_licenses (id, business_id, key, normalized_key, status, product_id, customer_id, activations_limit,
                        instances_count, archived, created_at, updated_at, version, last_edit_version)
                    VALUES ({id}, {KeysAtRestHost.BusinessId}, {keys[i]}, {keys[i].ToUpperInvariant()}, 'ACTIVE', 'prod_1', 'cust_1', 3, 0, {false}, 1, 1, 1, 1)
                    """);
            }

            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO licensekit_idempotency (business_id, idempotency_key, license_id, request_hash)
                VALUES ({KeysAtRestHost.BusinessId}, 'legacy-idempotency-key-42', 'lic_legacy0', 'hash')
                """);
        }

        await RunScriptAsync("HashLicenseKeys");
        await using var host = KeysAtRestHost.Create(_database, [("s1", 1)]);
        await using (var scope = host.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var hasher = scope.ServiceProvider.GetRequiredService<ILicenseKeyHasher>();
            (await context.HashLicenseKeysAsync(hasher)).Should().BeEquivalentTo(new LicenseKeyHashingResult(3, 0, 1, 0, []));
            (await context.HashLicenseKeysAsync(hasher)).Should().BeEquivalentTo(new LicenseKeyHashingResult(0, 0, 0, 0, []));
        }

        var cells = await KeysAtRestHost.DumpAsync(_database);
        keys.Append("legacy-idempotency-key-42").Where(k => KeysAtRestHost.Leaks(cells, k)).Should().BeEmpty();
        await using (var scope = host.CreateAsyncScope())
        {
            var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
            foreach (var spelling in new[] { "legacy-key-0001-aaaa", " LEGACY-KEY-0002-BBBB ", "LEGACY-0003-CCCC" })
            {
                (await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = spelling })).Code.Should().Be(LicenseValidationCode.Valid, spelling);
            }

            // Reads of an upgraded license show the hint of its key.
            var upgraded = await scope.ServiceProvider.GetRequiredService<ILicenseManager>().FindByIdAsync("lic_legacy1");
            upgraded!.KeyHint.Should().Be("BBBB");
        }
    }

    private async Task RunScriptAsync(string name)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Upgrade", $"{Provider}.{name}.sql"));
        await using var context = _database!.CreateContext();
        await context.Database.ExecuteSqlRawAsync(sql.TrimStart('\uFEFF'));
    }
}

[TestFixture]
public sealed class SqliteHashLicenseKeysUpgradeTests : HashLicenseKeysUpgradeTests
{
    protected override string Provider => "Sqlite";

    protected override Task<TestDatabase> CreateEmptyDatabaseAsync() => TestDatabase.CreateSqliteAsync(createSchema: false);
}

[TestFixture]
public sealed class PostgreSqlHashLicenseKeysUpgradeTests : HashLicenseKeysUpgradeTests
{
    protected override string Provider => "Postgres";

    protected override Task<TestDatabase> CreateEmptyDatabaseAsync() => TestDatabase.CreatePostgresAsync(createSchema: false);
}
