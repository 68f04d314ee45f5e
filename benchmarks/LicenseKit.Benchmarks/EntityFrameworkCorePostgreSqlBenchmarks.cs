using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.Benchmarks;

/// <summary>
/// The EF Core store against raw Npgsql, in a throwaway database on the server named by
/// <c>LICENSEKIT_POSTGRES_CONNECTION</c> (see <c>.ci/postgres.sh</c>). Without it the setup fails with that message.
/// </summary>
public class EntityFrameworkCorePostgreSqlBenchmarks : EntityFrameworkCoreBenchmarks
{
    private string _server = string.Empty;
    private string _database = string.Empty;
    private NpgsqlDataSource? _dataSource;

    protected override async Task PrepareDatabaseAsync()
    {
        _server = Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION")
            ?? throw new InvalidOperationException("Set LICENSEKIT_POSTGRES_CONNECTION to run the PostgreSQL benchmarks (source .ci/postgres.sh && postgres_start).");
        _database = "licensekit_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString());
    }

    protected override DbContextOptions<EntityFrameworkCoreBenchmarkContext> CreateOptions() =>
        new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(_dataSource!).Options;

    protected override DbConnection CreateConnection() => _dataSource!.CreateConnection();

    protected override async Task DropDatabaseAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
