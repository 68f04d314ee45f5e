using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LicenseKit.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Validation by key through the activator, one DI scope per call as in a request, with the license cache on beside
/// the same host without it (the baseline), on the in-memory store and on the EF Core store over a SQLite file.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CachingValidationBenchmarks
{
    private const string BusinessId = "biz_bench";

    private DirectoryInfo? _folder;
    private ServiceProvider _memoryPlain = null!;
    private ServiceProvider _memoryCached = null!;
    private ServiceProvider _sqlitePlain = null!;
    private ServiceProvider _sqliteCached = null!;
    private ValidateLicenseRequest _memoryKey = null!;
    private ValidateLicenseRequest _sqliteKey = null!;

    // Every host shares one fixed hashing secret: the memory hosts share a store and the SQLite hosts a database, so a key
    // issued through one host has to hash the same in the other.
    private static void ConfigureLicenseKit(LicenseKitOptions options)
    {
        options.BusinessId = BusinessId;
        BenchmarkKeyHashing.Configure(options.KeyHashing);
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var memoryStore = new InMemoryLicenseStore();
        _memoryPlain = Build(s => s.AddLicenseKit(ConfigureLicenseKit).UseStore(memoryStore));
        _memoryCached = Build(s => s.AddLicenseKit(ConfigureLicenseKit).UseStore(memoryStore).AddLicenseCache());

        _folder = Directory.CreateTempSubdirectory("licensekit-cache-bench-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.FullName, "bench.db"), Pooling = true }.ToString();
        _sqlitePlain = Build(s => AddSqlite(s, connectionString).AddLicenseKit(ConfigureLicenseKit).UseEntityFrameworkCore<EntityFrameworkCoreBenchmarkContext>());
        _sqliteCached = Build(s => AddSqlite(s, connectionString).AddLicenseKit(ConfigureLicenseKit).UseEntityFrameworkCore<EntityFrameworkCoreBenchmarkContext>().AddLicenseCache());
        await using (var scope = _sqlitePlain.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<EntityFrameworkCoreBenchmarkContext>();
            await context.Database.EnsureCreatedAsync();
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        _memoryKey = new ValidateLicenseRequest { LicenseKey = await IssueAsync(_memoryPlain) };
        _sqliteKey = new ValidateLicenseRequest { LicenseKey = await IssueAsync(_sqlitePlain) };
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _memoryPlain.DisposeAsync();
        await _memoryCached.DisposeAsync();
        await _sqlitePlain.DisposeAsync();
        await _sqliteCached.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder?.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "no cache"), BenchmarkCategory("In-memory store")]
    public Task<LicenseValidationCode> Memory_Uncached() => ValidateAsync(_memoryPlain, _memoryKey);

    [Benchmark(Description = "license cache"), BenchmarkCategory("In-memory store")]
    public Task<LicenseValidationCode> Memory_Cached() => ValidateAsync(_memoryCached, _memoryKey);

    [Benchmark(Baseline = true, Description = "no cache"), BenchmarkCategory("EF Core, SQLite file")]
    public Task<LicenseValidationCode> Sqlite_Uncached() => ValidateAsync(_sqlitePlain, _sqliteKey);

    [Benchmark(Description = "license cache"), BenchmarkCategory("EF Core, SQLite file")]
    public Task<LicenseValidationCode> Sqlite_Cached() => ValidateAsync(_sqliteCached, _sqliteKey);

    private static async Task<LicenseValidationCode> ValidateAsync(ServiceProvider services, ValidateLicenseRequest request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ValidateAsync(request);
        return result.Code;
    }

    private static ServiceProvider Build(Action<ServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider();
    }

    private static IServiceCollection AddSqlite(IServiceCollection services, string connectionString) =>
        services.AddDbContextPool<EntityFrameworkCoreBenchmarkContext>(o => o.UseSqlite(connectionString));

    private static async Task<string> IssueAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        return issued.Value!.Key;
    }
}
