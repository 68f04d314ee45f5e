using BenchmarkDotNet.Attributes;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
    private EventRecordingDatabase _database = null!;
    private DbContextOptions<EntityFrameworkCoreBenchmarkContext> _options = null!;
    private LicenseStatements _statements = null!;
    private long _counter;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() => EventRecordingDatabase.Providers();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await EventRecordingDatabase.CreateAsync(Provider, "events");
        _options = _database.Options;
        await using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        await _database.CreateSchemaAsync(context);

        _statements = new LicenseStatements(context);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _database.DropAsync();

    [Benchmark(Baseline = true, Description = "license insert, no event")]
    public async Task WithoutEvent()
    {
        await using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        var connection = context.GetService<IRelationalConnection>();
        await connection.OpenAsync(CancellationToken.None);
        try
        {
            await using var insert = _statements.InsertLicense(connection, LicenseMapper.ToEntity(NewLicense()));
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
            await execution.WriteTogetherAsync([_statements.InsertLicense(execution.Connection, LicenseMapper.ToEntity(NewLicense()))], CancellationToken.None);
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
        await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).CreateAsync(NewLicense(), null);
    }

    private License NewLicense() => EventRecordingDatabase.NewLicense(Interlocked.Increment(ref _counter));
}
