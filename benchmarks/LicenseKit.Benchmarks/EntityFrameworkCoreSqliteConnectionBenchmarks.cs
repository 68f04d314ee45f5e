using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LicenseKit.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Where the EF Core store's time goes on SQLite, beside <see cref="EntityFrameworkCoreSqliteBenchmarks"/>. "Open": a
/// pooled <see cref="SqliteConnection"/> against the context's own connection, which EF Core's SQLite provider sets up
/// on every open (it registers its SQL functions). "Find by key": the same lookup on a connection that is already open,
/// so the ratio is the store's own cost without the open.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EntityFrameworkCoreSqliteConnectionBenchmarks
{
    private const string BusinessId = "biz_bench";
    private const string Key = "BENCH-OPEN";

    private DirectoryInfo _folder = null!;
    private string _connectionString = string.Empty;
    private string _keyHash = string.Empty;
    private PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext> _contexts = null!;
    private SqliteConnection _openConnection = null!;
    private EntityFrameworkCoreBenchmarkContext _openContext = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("licensekit-bench-");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder.FullName, "bench.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _contexts = new PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext>(
            new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite(_connectionString).Options);
        _openContext = _contexts.CreateDbContext();
        await _openContext.Database.EnsureCreatedAsync();
        await _openContext.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await _openContext.Database.OpenConnectionAsync();
        var now = new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
        _keyHash = BenchmarkKeyHashing.Hash(Key);
        await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(_openContext).CreateAsync(
            BenchmarkKeyHashing.WithKeyHash(new License
            {
                Id = PrefixedId.Create(PrefixedId.License),
                Key = Key,
                BusinessId = BusinessId,
                ProductId = "prod_bench",
                CustomerId = "cust_bench",
                ActivationsLimit = 5,
                Metadata = new LicenseMetadata([new("tier", "pro"), new("seats", "5")]),
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            }),
            null);
        _openConnection = new SqliteConnection(_connectionString);
        await _openConnection.OpenAsync();
        if (await FindByKeyOnOpenConnection_Raw() is null || await FindByKeyOnOpenConnection_EntityFrameworkCore() is null)
        {
            throw new InvalidOperationException("The license is not found by its key hash.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _openConnection.DisposeAsync();
        await _openContext.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Open")]
    public async Task Open_Raw()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
    }

    [Benchmark(Description = "EF Core context"), BenchmarkCategory("Open")]
    public async Task Open_EntityFrameworkCore()
    {
        await using var context = _contexts.CreateDbContext();
        await context.Database.OpenConnectionAsync();
        await context.Database.CloseConnectionAsync();
    }

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Find by key, open connection")]
    public async Task<License?> FindByKeyOnOpenConnection_Raw()
    {
        await using var select = _openConnection.CreateCommand();
        select.CommandText =
            "SELECT id, business_id, key_hint, status, product_id, payment_id, customer_id, activations_limit, activation_message, instances_count, duration_hours, expires_at, metadata, archived, created_at, updated_at, version " +
            "FROM licensekit_licenses WHERE business_id = @business_id AND key_hash = @key_hash";
        select.Parameters.AddWithValue("business_id", BusinessId);
        select.Parameters.AddWithValue("key_hash", _keyHash);
        return await EntityFrameworkCoreBenchmarks.ReadLicenseAsync(select);
    }

    [Benchmark(Description = "EF Core store"), BenchmarkCategory("Find by key, open connection")]
    public Task<License?> FindByKeyOnOpenConnection_EntityFrameworkCore() =>
        new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(_openContext).FindByKeyAsync(BusinessId, _keyHash);
}
