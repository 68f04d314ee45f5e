using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.Benchmarks;

/// <summary>
/// The database the event-recording benchmarks write to, new for each run and dropped after it: a SQLite file in a temporary
/// folder (in WAL mode once its schema exists), or a database of its own on the PostgreSQL server of
/// <c>LICENSEKIT_POSTGRES_CONNECTION</c>, whose settings (such as Npgsql's automatic preparation) then apply to every case.
/// </summary>
internal sealed class EventRecordingDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private readonly Func<Task> _drop;
    private readonly bool _isSqlite;

    private EventRecordingDatabase(DbContextOptions<EntityFrameworkCoreBenchmarkContext> options, Func<Task> drop, bool isSqlite)
    {
        Options = options;
        _drop = drop;
        _isSqlite = isSqlite;
    }

    /// <summary>Options for a context on this database.</summary>
    public DbContextOptions<EntityFrameworkCoreBenchmarkContext> Options { get; }

    /// <summary>"sqlite" always; "postgres" as well when <c>LICENSEKIT_POSTGRES_CONNECTION</c> is set.</summary>
    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    /// <summary>Creates an empty database (no schema yet) for <paramref name="provider"/>, named after <paramref name="purpose"/>.</summary>
    public static async Task<EventRecordingDatabase> CreateAsync(string provider, string purpose)
    {
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION")!;
            var database = $"licensekit_{purpose}_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
            return new EventRecordingDatabase(
                new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString()).Options,
                async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                },
                isSqlite: false);
        }

        var folder = Directory.CreateTempSubdirectory($"licensekit-{purpose}-");
        var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "bench.db"), Pooling = true, DefaultTimeout = 30 }.ToString();
        return new EventRecordingDatabase(
            new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite(file).Options,
            () =>
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
                return Task.CompletedTask;
            },
            isSqlite: true);
    }

    /// <summary>Creates the model's tables through <paramref name="context"/> (a context on <see cref="Options"/>); a SQLite file then writes ahead.</summary>
    public async Task CreateSchemaAsync(EntityFrameworkCoreBenchmarkContext context)
    {
        await context.Database.EnsureCreatedAsync();
        if (_isSqlite)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>A license as the core hands it to a store (key hashed), the <paramref name="n"/>th of a run.</summary>
    public static License NewLicense(long n) => BenchmarkKeyHashing.WithKeyHash(new License
    {
        Id = PrefixedId.Create(PrefixedId.License),
        Key = "EVT-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BusinessId = "biz_events",
        ProductId = "prod_events",
        CustomerId = "cust_events",
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    });

    /// <summary>Clears the pools and drops the database (or deletes the file's folder).</summary>
    public Task DropAsync() => _drop();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
