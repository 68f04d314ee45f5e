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
/// Rows are bulk-loaded with one INSERT … SELECT; the in-memory store, which has no SQL, is bulk-loaded once per size and
/// process.
/// </summary>
public static class ScaleStores
{
    public const string PostgresConnectionVariable = "LICENSEKIT_POSTGRES_CONNECTION";

    // Loading a million rows with their indexes takes minutes on a busy machine.
    private const int BuildTimeoutSeconds = 1_800;

    private static readonly string CacheFolder = Path.Combine(Path.GetTempPath(), "licensekit-scale");

    // The store of the size being measured, kept for the whole process: every case at a size (the in-process toolchain
    // runs them all in this process, size after size) reads the same store instead of filling it again. Activations add
    // instances to it, which no measured operation reads. Only one size is kept, so a million licenses do not stay on
    // the heap (and in every garbage collection) while the next size runs.
    private static (int Licenses, InMemoryLicenseStore Store)? _inMemory;

    /// <summary>The in-memory store of <paramref name="licenses"/> licenses, filled on first use.</summary>
    public static InMemoryLicenseStore FillInMemory(int licenses)
    {
        if (_inMemory is { } kept && kept.Licenses == licenses)
        {
            return kept.Store;
        }

        _inMemory = null;
        // Building a license (its key's HMAC) is the costly part and runs on every core. The store then takes them in
        // one bulk load into the indexes a create fills, without the Issued events the SQL bulk loads do not write either.
        var rows = new License[licenses];
        Parallel.For(0, licenses, i => rows[i] = ScaleDataset.License(i));
        var store = new InMemoryLicenseStore();
        store.Load(rows);
        _inMemory = (licenses, store);
        return store;
    }

    /// <summary>Options of a context on the SQLite file of <paramref name="licenses"/> licenses, built if missing.</summary>
    public static async Task<DbContextOptions<EntityFrameworkCoreBenchmarkContext>> SqliteAsync(int licenses)
    {
        Directory.CreateDirectory(CacheFolder);
        var schema = SchemaHash(new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite("Data Source=:memory:").Options, SqliteInsertSql("n", "i"));
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
                await context.Database.OpenConnectionAsync();
                RegisterKeyFunctions((SqliteConnection)context.Database.GetDbConnection());
                await context.Database.ExecuteSqlRawAsync(SqliteInsertSql(numbers, "printf('%09d', i)"));
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
        var schema = SchemaHash(new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql("Host=unused").Options, PostgresInsertSql("n", "i"));
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
                    new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(buildingConnection, o => o.CommandTimeout(BuildTimeoutSeconds)).Options))
                {
                    await context.Database.EnsureCreatedAsync();
                    await context.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS pgcrypto");
                    await context.Database.ExecuteSqlRawAsync(
                        PostgresInsertSql($"generate_series(0, {licenses - 1}) AS n(i)", "lpad(i::text, 9, '0')"));
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
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString(), o => o.CommandTimeout(BuildTimeoutSeconds))
            .Options;

    // SQLite has no HMAC: the build's connection gets the benchmark hasher as functions.
    private static string SqliteInsertSql(string numbers, string paddedI) =>
        ScaleDataset.InsertSql(numbers, paddedI, key => $"licensekit_key_hash({key})", key => $"licensekit_key_hint({key})");

    private static void RegisterKeyFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("licensekit_key_hash", (string key) => BenchmarkKeyHashing.Hasher.Hash(key), isDeterministic: true);
        connection.CreateFunction("licensekit_key_hint", (string key) => LicenseKeyHint.Of(key), isDeterministic: true);
    }

    // HMAC-SHA256 with pgcrypto, written as HmacLicenseKeyHasher writes it: secret-id:base64url digest without padding.
    private static string PostgresInsertSql(string numbers, string paddedI) =>
        ScaleDataset.InsertSql(
            numbers,
            paddedI,
            key => $"'{BenchmarkKeyHashing.SecretId}:' || rtrim(translate(encode(hmac(convert_to({key}, 'UTF8'), decode('{BenchmarkKeyHashing.Secret}', 'base64'), 'sha256'), 'base64'), '+/', '-_'), '=')",
            key => $"right({key}, least(4, length({key}) / 4))");

    private static string SchemaHash(DbContextOptions<EntityFrameworkCoreBenchmarkContext> options, string insertSql)
    {
        using var context = new EntityFrameworkCoreBenchmarkContext(options);
        var script = context.Database.GenerateCreateScript() + insertSql;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..8];
    }
}
