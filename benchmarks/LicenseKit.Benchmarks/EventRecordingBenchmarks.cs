using BenchmarkDotNet.Attributes;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.EntityFrameworkCore.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

// The baseline uses the store's own internal statement (a namespace ending in .Internal, which the EF analyzer flags).
#pragma warning disable EF1001

namespace LicenseKit.Benchmarks;

/// <summary>
/// Issuing a license through the EF Core store, which records its event in the same transaction, beside the same license
/// insert without an event (the store's own statement alone, as the store wrote a lone license before events), and the
/// store's own steps for that insert (store, connection, one-statement unit of work) without the event, which tells the
/// event's share from the store's. SQLite (WAL file) always; PostgreSQL when <c>LICENSEKIT_POSTGRES_CONNECTION</c> is set
/// (its connection string's settings, such as Npgsql's automatic preparation, apply to every case).
/// </summary>
[MemoryDiagnoser]
public class EventRecordingBenchmarks
{
    private const string BusinessId = "biz_events";
    private static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private DbContextOptions<EntityFrameworkCoreBenchmarkContext> _options = null!;
    private LicenseStatements _statements = null!;
    private Func<Task> _drop = () => Task.CompletedTask;
    private long _counter;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        if (Provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION")!;
            var database = "licensekit_events_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
            _options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString()).Options;
            _drop = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            };
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("licensekit-events-");
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "bench.db"), Pooling = true, DefaultTimeout = 30 }.ToString();
            _options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite(file).Options;
            _drop = () =>
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
                return Task.CompletedTask;
            };
        }

        await using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        await context.Database.EnsureCreatedAsync();
        if (Provider == "sqlite")
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        _statements = new LicenseStatements(context);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _drop();

    [Benchmark(Baseline = true, Description = "license insert, no event")]
    public async Task WithoutEvent()
    {
        await using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        var connection = context.GetService<IRelationalConnection>();
        await connection.OpenAsync(CancellationToken.None);
        try
        {
            await using var insert = _statements.InsertLicense(connection, LicenseMapper.ToEntity(BenchmarkKeyHashing.WithKeyHash(NewLicense())));
            await insert.ExecuteNonQueryAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    // What CreateAsync does for a license alone: the event's cost is the difference from this case.
    [Benchmark(Description = "store steps, no event")]
    public async Task StoreStepsWithoutEvent()
    {
        await using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        _ = new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context);
        var execution = new StoreExecution(context);
        await execution.OpenAsync(CancellationToken.None);
        try
        {
            await execution.WriteTogetherAsync([_statements.InsertLicense(execution.Connection, LicenseMapper.ToEntity(BenchmarkKeyHashing.WithKeyHash(NewLicense())))], CancellationToken.None);
        }
        finally
        {
            await execution.CloseAsync();
        }
    }

    [Benchmark(Description = "CreateAsync, event in the transaction")]
    public async Task WithEvent()
    {
        await using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).CreateAsync(BenchmarkKeyHashing.WithKeyHash(NewLicense()), null);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private License NewLicense()
    {
        var n = Interlocked.Increment(ref _counter);
        return new License
        {
            Id = PrefixedId.Create(PrefixedId.License),
            Key = "EVT-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BusinessId = BusinessId,
            ProductId = "prod_events",
            CustomerId = "cust_events",
            CreatedAt = Now,
            UpdatedAt = Now,
            Version = 1,
        };
    }
}
