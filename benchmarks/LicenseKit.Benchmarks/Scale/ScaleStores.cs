using System.Security.Cryptography;
using System.Text;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace LicenseKit.Benchmarks.Scale;

/// <summary>
/// Builds the scale data set once per store and size and keeps it for later runs: SQLite files under the temp folder and
/// PostgreSQL databases, each named after the size and a hash of the model's schema (a model change builds new ones).
/// Rows are bulk-loaded with one INSERT … SELECT; the in-memory store, which has no SQL, is filled through its API.
/// </summary>
public static class ScaleStores
{
    public const string PostgresConnectionVariable = "LICENSEKIT_POSTGRES_CONNECTION";

    private static readonly string CacheFolder = Path.Combine(Path.GetTempPath(), "licensekit-scale");

    public static async Task<InMemoryLicenseStore> FillInMemoryAsync(int licenses)
    {
        var store = new InMemoryLicenseStore();
        for (var i = 0; i < licenses; i++)
        {
            await store.CreateAsync(ScaleDataset.License(i), null);
        }

        return store;
    }

    /// <summary>Options of a context on the SQLite file of <paramref name="licenses"/> licenses, built if missing.</summary>
    public static async Task<DbContextOptions<EntityFrameworkCoreBenchmarkContext>> SqliteAsync(int licenses)
    {
        Directory.CreateDirectory(CacheFolder);
        var schema = SchemaHash(new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite("Data Source=:memory:").Options);
        var file = Path.Combine(CacheFolder, $"scale-{licenses}-{schema}.db");
        if (!File.Exists(file))
        {
            // Built under another name and renamed when complete, so an interrupted build is never reused.
            var building = file + ".building";
            File.Delete(building);
            var options = SqliteOptions(building);
            await using (var context = new EntityFrameworkCoreBenchmarkContext(options))
            {
                await context.Database.EnsureCreatedAsync();
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                var numbers = $"(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {licenses - 1}) SELECT i FROM n)";
                await context.Database.ExecuteSqlRawAsync(ScaleDataset.InsertSql(numbers, "printf('%09d', i)"));
                await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            SqliteConnection.ClearAllPools();
            File.Move(building, file);
        }

        var ready = SqliteOptions(file);
        await using (var context = new EntityFrameworkCoreBenchmarkContext(ready))
        {
            // Activations of earlier runs are dropped, so every run starts from the same rows.
            await context.Database.ExecuteSqlRawAsync("DELETE FROM licensekit_license_instances; UPDATE licensekit_licenses SET instances_count = 0 WHERE instances_count <> 0;");
        }

        return ready;
    }

    /// <summary>Options of a context on the PostgreSQL database of <paramref name="licenses"/> licenses, built if missing.</summary>
    public static async Task<DbContextOptions<EntityFrameworkCoreBenchmarkContext>> PostgresAsync(int licenses)
    {
        var server = Environment.GetEnvironmentVariable(PostgresConnectionVariable)
            ?? throw new InvalidOperationException($"Set {PostgresConnectionVariable} to run the PostgreSQL cases.");
        var schema = SchemaHash(new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql("Host=unused").Options);
        var name = $"licensekit_scale_{licenses}_{schema}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(connectionString).Options;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                var building = name + "_building";
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{building}\"", admin))
                {
                    await drop.ExecuteNonQueryAsync();
                }

                var buildingConnection = new NpgsqlConnectionStringBuilder(server) { Database = building }.ToString();
                await using (var context = new EntityFrameworkCoreBenchmarkContext(
                    new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(buildingConnection).Options))
                {
                    await context.Database.EnsureCreatedAsync();
                    await context.Database.ExecuteSqlRawAsync(
                        ScaleDataset.InsertSql($"generate_series(0, {licenses - 1}) AS n(i)", "lpad(i::text, 9, '0')"));
                    await context.Database.ExecuteSqlRawAsync("ANALYZE licensekit_licenses");
                }

                NpgsqlConnection.ClearAllPools();
                await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"", admin);
                await rename.ExecuteNonQueryAsync();
            }
        }

        await using (var context = new EntityFrameworkCoreBenchmarkContext(options))
        {
            await context.Database.ExecuteSqlRawAsync("DELETE FROM licensekit_license_instances; UPDATE licensekit_licenses SET instances_count = 0 WHERE instances_count <> 0;");
        }

        return options;
    }

    private static DbContextOptions<EntityFrameworkCoreBenchmarkContext> SqliteOptions(string file) =>
        new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString())
            .Options;

    private static string SchemaHash(DbContextOptions<EntityFrameworkCoreBenchmarkContext> options)
    {
        using var context = new EntityFrameworkCoreBenchmarkContext(options);
        var script = context.Database.GenerateCreateScript() + ScaleDataset.InsertSql("n", "i");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..8];
    }
}
