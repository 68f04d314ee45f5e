using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.Benchmarks;

/// <summary>The EF Core store against raw Microsoft.Data.Sqlite on a WAL-mode file database.</summary>
public class EntityFrameworkCoreSqliteBenchmarks : EntityFrameworkCoreBenchmarks
{
    private DirectoryInfo? _folder;
    private string _connectionString = string.Empty;

    protected override Task PrepareDatabaseAsync()
    {
        _folder = Directory.CreateTempSubdirectory("licensekit-bench-");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder.FullName, "bench.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        return Task.CompletedTask;
    }

    protected override DbContextOptions<EntityFrameworkCoreBenchmarkContext> CreateOptions()
    {
        var options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite(_connectionString).Options;
        using var context = new EntityFrameworkCoreBenchmarkContext(options);
        context.Database.EnsureCreated();
        context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        return options;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder?.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
