using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// The conformance suite on a context whose tables live in their own schema, beside same-named tables in the default
/// one: the store's statements must take every name from the model.
/// </summary>
[TestFixture]
public sealed class PostgreSqlSchemaConformanceTests : EntityFrameworkCoreConformanceTests<SchemaTestDbContext>
{
    [Test]
    public async Task CreateAndActivate_WriteToTheModelsSchemaOnly()
    {
        var now = new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
        var license = new License
        {
            Id = PrefixedId.Create(PrefixedId.License),
            KeyHash = StoreRecords.KeyHash("SCHEMA-1"),
            BusinessId = "biz_schema",
            ProductId = "prod_1",
            CustomerId = "cust_1",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        var store = CreateStore();
        await store.CreateAsync(license, new LicenseIdempotency("idem-schema", "hash"));
        await store.ActivateAsync(new InstanceActivation(
            license.BusinessId,
            license.Id,
            new LicenseInstance { Id = PrefixedId.Create(PrefixedId.Instance), BusinessId = license.BusinessId, LicenseId = license.Id, Name = "machine", Fingerprint = "device-1", CreatedAt = now },
            now));

        await using var context = CreateContext(Database);
        (await CountAsync(context, SchemaTestDbContext.Schema, LicenseKitModelBuilderExtensions.LicensesTable)).Should().Be(1);
        (await CountAsync(context, SchemaTestDbContext.Schema, LicenseKitModelBuilderExtensions.InstancesTable)).Should().Be(1);
        (await CountAsync(context, SchemaTestDbContext.Schema, LicenseKitModelBuilderExtensions.IdempotencyTable)).Should().Be(1);
        (await CountAsync(context, "public", LicenseKitModelBuilderExtensions.LicensesTable)).Should().Be(0);
    }

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = await TestDatabase.CreatePostgresAsync();
        await using var context = CreateContext(database);
        await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        return database;
    }

    protected override SchemaTestDbContext CreateContext(TestDatabase database) =>
        new(new DbContextOptionsBuilder<SchemaTestDbContext>().UseNpgsql(database.ConnectionString).Options);

    private static async Task<long> CountAsync(DbContext context, string schema, string table)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE business_id = 'biz_schema'";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
