using System.Data.Common;
using BenchmarkDotNet.Attributes;
using LicenseKit.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

// The cases use the store's own internal statements (a namespace ending in .Internal, which the EF analyzer flags).
#pragma warning disable EF1001

namespace LicenseKit.Benchmarks;

/// <summary>
/// What the database itself charges for an event row, with as little .NET around it as the drivers allow: the store's own
/// license insert and event insert (same SQL, same schema and indexes), each prepared once on one connection that stays
/// open, parameters rebound per call. The license insert alone is the baseline; beside it the two inserts as one unit, as
/// issuing sends them (SQLite: one transaction; PostgreSQL: one batch, which the server runs as one transaction). The
/// ratio is the floor under <see cref="EventRecordingBenchmarks"/>: no store change can take issuing below it without
/// writing less.
/// </summary>
[MemoryDiagnoser]
public class EventRecordingFloorBenchmarks
{
    private EventRecordingDatabase _database = null!;
    private EntityFrameworkCoreBenchmarkContext _context = null!;
    private DbConnection _connection = null!;
    private DbCommand _lone = null!;
    private DbCommand _license = null!;
    private DbCommand _event = null!;
    private DbBatch? _batch;
    private long _counter;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() => EventRecordingDatabase.Providers();

    /// <summary>
    /// "model": the events table as the model defines it; "none": its secondary indexes dropped (the feed, the claim and
    /// lookups by id would scan), which tells how much of the event's cost the indexes are.
    /// </summary>
    [Params("model", "none")]
    public string EventIndexes { get; set; } = "model";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _database = await EventRecordingDatabase.CreateAsync(Provider, "floor");
        _context = new EntityFrameworkCoreBenchmarkContext(_database.Options);
        await _database.CreateSchemaAsync(_context);

        if (EventIndexes == "none")
        {
            var sql = _context.GetService<ISqlGenerationHelper>();
            foreach (var index in _context.Model.FindEntityType(typeof(LicenseEventEntity))!.GetIndexes())
            {
                // The name comes from the model, delimited by the provider.
                var drop = "DROP INDEX " + sql.DelimitIdentifier(index.GetDatabaseName()!);
                await _context.Database.ExecuteSqlRawAsync(drop);
            }
        }

        var connection = _context.GetService<IRelationalConnection>();
        await connection.OpenAsync(CancellationToken.None);
        _connection = connection.DbConnection;
        var licenses = new LicenseStatements(_context);
        var events = new LicenseEventStatements(_context);
        var license = NewLicense();
        var row = LicenseMapper.ToEntity(license);
        _lone = licenses.InsertLicense(connection, row);
        _license = licenses.InsertLicense(connection, row);
        _event = events.Insert(connection, IssuedEvent(license));
        if (_connection is NpgsqlConnection)
        {
            // As the store sends a write outside a host transaction: one batch, which the server runs as one transaction.
            _batch = CommandBatch.ToBatch(_connection, [_license, _event]);
            await _batch.PrepareAsync();
        }
        else
        {
            await _license.PrepareAsync();
            await _event.PrepareAsync();
        }

        await _lone.PrepareAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _context.DisposeAsync();
        await _database.DropAsync();
    }

    [Benchmark(Baseline = true, Description = "license insert alone, prepared")]
    public async Task LicenseAlone()
    {
        var license = NewLicense();
        Bind(_lone.Parameters, license.Id, license.KeyHash);
        if (_batch is not null)
        {
            // One statement is its own transaction on PostgreSQL.
            await _lone.ExecuteNonQueryAsync();
            return;
        }

        // In a transaction as the pair is, so the difference is the event row alone (SQLite charges an autocommitted
        // statement the same as one in BEGIN … COMMIT).
        await using var transaction = await _connection.BeginTransactionAsync();
        _lone.Transaction = transaction;
        await _lone.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    [Benchmark(Description = "license and event inserts as one unit, prepared")]
    public async Task LicenseAndEvent()
    {
        var license = NewLicense();
        var record = IssuedEvent(license);
        if (_batch is not null)
        {
            Bind(_batch.BatchCommands[0].Parameters, license.Id, license.KeyHash);
            BindEvent(_batch.BatchCommands[1].Parameters, record);
            await _batch.ExecuteNonQueryAsync();
            return;
        }

        await using var transaction = await _connection.BeginTransactionAsync();
        _license.Transaction = _event.Transaction = transaction;
        Bind(_license.Parameters, license.Id, license.KeyHash);
        BindEvent(_event.Parameters, record);
        await _license.ExecuteNonQueryAsync();
        await _event.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    // Only the columns a unique index checks change per call; every other value stays as first bound.
    private static void Bind(DbParameterCollection parameters, string id, string? keyHash)
    {
        parameters["@" + nameof(LicenseEntity.Id)].Value = id;
        parameters["@" + nameof(LicenseEntity.KeyHash)].Value = keyHash;
    }

    private static void BindEvent(DbParameterCollection parameters, LicenseEventEntity record)
    {
        parameters["@" + nameof(LicenseEventEntity.Id)].Value = record.Id;
        parameters["@" + nameof(LicenseEventEntity.LicenseId)].Value = record.LicenseId;
    }

    private License NewLicense() => EventRecordingDatabase.NewLicense(Interlocked.Increment(ref _counter));

    private static LicenseEventEntity IssuedEvent(License license) => LicenseEventMapper.ToEntity(LicenseEventRecord.Issued(license));
}
