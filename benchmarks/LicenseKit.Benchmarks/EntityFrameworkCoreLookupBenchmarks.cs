using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LicenseKit.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LicenseKit.Benchmarks;

/// <summary>
/// The EF Core store's two lookups (validate by key, find by id) on a SQLite file, each beside the same statement sent
/// with raw Microsoft.Data.Sqlite on a pooled connection, opened and closed per call as the store does. "EF Core store"
/// takes a context from a pool as a host's scope does; "with a connection interceptor" is the same store on a context
/// with an interceptor registered, which makes the store open the connection through EF.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EntityFrameworkCoreLookupBenchmarks
{
    private const string BusinessId = "biz_bench";
    private const string Key = "BENCH-LOOKUP";
    private const string Columns =
        "id, business_id, key_hint, status, product_id, payment_id, customer_id, activations_limit, activation_message, instances_count, duration_hours, expires_at, metadata, archived, created_at, updated_at, version";

    private DirectoryInfo _folder = null!;
    private string _connectionString = string.Empty;
    private string _licenseId = string.Empty;
    private string _keyHash = string.Empty;
    private PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext> _contexts = null!;
    private PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext> _interceptedContexts = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("licensekit-bench-");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.FullName, "bench.db"), Pooling = true }.ToString();
        _contexts = new(new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite(_connectionString).Options);
        _interceptedContexts = new(new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>()
            .UseSqlite(_connectionString)
            .AddInterceptors(new PassThroughConnectionInterceptor())
            .Options);
        await using var context = _contexts.CreateDbContext();
        await context.Database.EnsureCreatedAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var now = new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
        _licenseId = PrefixedId.Create(PrefixedId.License);
        _keyHash = BenchmarkKeyHashing.Hash(Key);
        await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).CreateAsync(
            BenchmarkKeyHashing.WithKeyHash(new License
            {
                Id = _licenseId,
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
        if (await ValidateByKey_Raw() is null || await ValidateByKey_EntityFrameworkCore() is null)
        {
            throw new InvalidOperationException("The license is not found by its key hash.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Validate by key")]
    public Task<License?> ValidateByKey_Raw() =>
        SelectAsync($"SELECT {Columns} FROM licensekit_licenses WHERE business_id = @a AND key_hash = @b", BusinessId, _keyHash);

    [Benchmark(Description = "EF Core store"), BenchmarkCategory("Validate by key")]
    public async Task<License?> ValidateByKey_EntityFrameworkCore()
    {
        await using var context = _contexts.CreateDbContext();
        return await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).FindByKeyAsync(BusinessId, _keyHash);
    }

    [Benchmark(Description = "EF Core store, with a connection interceptor"), BenchmarkCategory("Validate by key")]
    public async Task<License?> ValidateByKey_EntityFrameworkCoreIntercepted()
    {
        await using var context = _interceptedContexts.CreateDbContext();
        return await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).FindByKeyAsync(BusinessId, _keyHash);
    }

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Find by id")]
    public Task<License?> FindById_Raw() =>
        SelectAsync($"SELECT {Columns} FROM licensekit_licenses WHERE id = @a AND business_id = @b", _licenseId, BusinessId);

    [Benchmark(Description = "EF Core store"), BenchmarkCategory("Find by id")]
    public async Task<License?> FindById_EntityFrameworkCore()
    {
        await using var context = _contexts.CreateDbContext();
        return await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).FindByIdAsync(BusinessId, _licenseId);
    }

    private async Task<License?> SelectAsync(string sql, string a, string b)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = sql;
        select.Parameters.AddWithValue("a", a);
        select.Parameters.AddWithValue("b", b);
        return await EntityFrameworkCoreBenchmarks.ReadLicenseAsync(select);
    }

    /// <summary>An interceptor that changes nothing: what a host's logging or tracing interceptor costs the store at least.</summary>
    private sealed class PassThroughConnectionInterceptor : DbConnectionInterceptor;
}
