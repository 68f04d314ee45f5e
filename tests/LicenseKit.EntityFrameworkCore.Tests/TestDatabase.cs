using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>A throwaway database of one fixture: a WAL-mode SQLite file in a temp folder, or a uniquely named PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresConnectionVariable = "LICENSEKIT_POSTGRES_CONNECTION";
    public const string RequirePostgresVariable = "LICENSEKIT_REQUIRE_POSTGRES";

    private readonly Func<ValueTask> _drop;

    private TestDatabase(string provider, string connectionString, Action<DbContextOptionsBuilder> configure, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Configure = configure;
        _drop = drop;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Points a context's options at this database.</summary>
    public Action<DbContextOptionsBuilder> Configure { get; }

    public TestDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<TestDbContext>();
        Configure(builder);
        return new TestDbContext(builder.Options);
    }

    public static async Task<TestDatabase> CreateSqliteAsync(bool createSchema = true)
    {
        var folder = Directory.CreateTempSubdirectory("licensekit-sqlite-");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder.FullName, "licensekit.db"),
            Pooling = true,
            // SQLite has one writer: a writer waits up to this many seconds for the lock instead of failing with SQLITE_BUSY.
            DefaultTimeout = 60,
        }.ToString();
        var database = new TestDatabase("sqlite", connectionString, o => o.UseSqlite(connectionString), () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        });
        await using var context = database.CreateContext();
        if (createSchema)
        {
            await context.Database.EnsureCreatedAsync();
        }

        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    /// <summary>Creates a fresh PostgreSQL database, or ignores (or, when required, fails) the fixture without a server.</summary>
    public static async Task<TestDatabase> CreatePostgresAsync(bool createSchema = true)
    {
        var serverConnection = Environment.GetEnvironmentVariable(PostgresConnectionVariable);
        if (string.IsNullOrWhiteSpace(serverConnection))
        {
            var message = $"PostgreSQL tests need a server: set {PostgresConnectionVariable} (e.g. source .ci/postgres.sh && postgres_start).";
            if (Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1")
            {
                Assert.Fail($"{RequirePostgresVariable}=1 but {PostgresConnectionVariable} is not set. {message}");
            }

            Assert.Ignore(message);
        }

        var name = "licensekit_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(serverConnection))
        {
            await admin.OpenAsync();

            // A culture-aware default collation, as most hosts' databases have (ICU en-US sorts "a" < "B" < "c"), so the
            // tests prove the store orders ids ordinally regardless of it.
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
                admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name, MaxPoolSize = 100 }.ToString();
        var database = new TestDatabase("postgresql", connectionString, o => o.UseNpgsql(connectionString), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(serverConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
        if (createSchema)
        {
            await using var context = database.CreateContext();
            await context.Database.EnsureCreatedAsync();
        }

        return database;
    }

    public ValueTask DisposeAsync() => _drop();
}
