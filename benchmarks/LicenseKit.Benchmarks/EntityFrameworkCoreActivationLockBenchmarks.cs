using LicenseKit.EntityFrameworkCore;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.Benchmarks;

/// <summary>
/// The two ways to make activation atomic on PostgreSQL, under contention: 32 concurrent activations of one license,
/// each on its own connection. Baseline: the conditional <c>UPDATE … WHERE instances_count &lt; activations_limit</c> the
/// store uses. Alternative: <c>SELECT … FOR UPDATE</c>, check in the application, then <c>UPDATE</c>. Both insert the
/// instance in the same transaction. Needs <c>LICENSEKIT_POSTGRES_CONNECTION</c>.
/// </summary>
[MemoryDiagnoser]
public class EntityFrameworkCoreActivationLockBenchmarks
{
    private const int Concurrent = 32;
    private const string BusinessId = "biz_lock";
    private string _server = string.Empty;
    private string _database = string.Empty;
    private NpgsqlDataSource _dataSource = null!;
    private string _licenseId = string.Empty;
    private long _counter;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION")
            ?? throw new InvalidOperationException("Set LICENSEKIT_POSTGRES_CONNECTION to run the PostgreSQL benchmarks (source .ci/postgres.sh && postgres_start).");
        _database = "licensekit_lock_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_server) { Database = _database, MaxPoolSize = 64 }.ToString());
        var options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(_dataSource).Options;
        await using var context = new EntityFrameworkCoreBenchmarkContext(options);
        await context.Database.EnsureCreatedAsync();
        var now = new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
        var license = new License
        {
            Id = PrefixedId.Create(PrefixedId.License),
            Key = "LOCK-BENCH",
            BusinessId = BusinessId,
            ProductId = "prod_lock",
            CustomerId = "cust_lock",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).CreateAsync(BenchmarkKeyHashing.WithKeyHash(license), null);
        _licenseId = license.Id;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrent, Description = "conditional UPDATE")]
    public Task ConditionalUpdate() => RaceAsync(ConditionalUpdateOnceAsync);

    [Benchmark(OperationsPerInvoke = Concurrent, Description = "SELECT FOR UPDATE")]
    public Task RowLock() => RaceAsync(RowLockOnceAsync);

    private static Task RaceAsync(Func<Task> activation) =>
        Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => Task.Run(activation)));

    private async Task ConditionalUpdateOnceAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE licensekit_licenses SET instances_count = instances_count + 1, version = version + 1, updated_at = @now " +
            "WHERE id = @id AND business_id = @b AND status = 'ACTIVE' AND NOT archived AND (expires_at IS NULL OR expires_at > @now) " +
            "AND (activations_limit IS NULL OR instances_count < activations_limit)",
            connection,
            transaction);
        update.Parameters.AddWithValue("now", 1_800_000_000_000L);
        update.Parameters.AddWithValue("id", _licenseId);
        update.Parameters.AddWithValue("b", BusinessId);
        if (await update.ExecuteNonQueryAsync() == 1)
        {
            await InsertInstanceAsync(connection, transaction);
        }

        await transaction.CommitAsync();
    }

    private async Task RowLockOnceAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        bool accepts;
        await using (var select = new NpgsqlCommand(
            "SELECT status, archived, expires_at, activations_limit, instances_count FROM licensekit_licenses WHERE id = @id AND business_id = @b FOR UPDATE",
            connection,
            transaction))
        {
            select.Parameters.AddWithValue("id", _licenseId);
            select.Parameters.AddWithValue("b", BusinessId);
            await using var reader = await select.ExecuteReaderAsync();
            await reader.ReadAsync();
            accepts = reader.GetString(0) == "ACTIVE" && !reader.GetBoolean(1)
                && (reader.IsDBNull(2) || reader.GetInt64(2) > 1_800_000_000_000L)
                && (reader.IsDBNull(3) || reader.GetInt32(4) < reader.GetInt32(3));
        }

        if (accepts)
        {
            await using var update = new NpgsqlCommand(
                "UPDATE licensekit_licenses SET instances_count = instances_count + 1, version = version + 1, updated_at = @now WHERE id = @id",
                connection,
                transaction);
            update.Parameters.AddWithValue("now", 1_800_000_000_000L);
            update.Parameters.AddWithValue("id", _licenseId);
            await update.ExecuteNonQueryAsync();
            await InsertInstanceAsync(connection, transaction);
        }

        await transaction.CommitAsync();
    }

    private async Task InsertInstanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO licensekit_license_instances (id, business_id, license_id, name, fingerprint, created_at) VALUES (@id, @b, @l, 'machine', @f, @now)",
            connection,
            transaction);
        insert.Parameters.AddWithValue("id", PrefixedId.Create(PrefixedId.Instance));
        insert.Parameters.AddWithValue("b", BusinessId);
        insert.Parameters.AddWithValue("l", _licenseId);
        insert.Parameters.AddWithValue("f", "fp-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("now", 1_800_000_000_000L);
        await insert.ExecuteNonQueryAsync();
    }
}
