using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Issue and validate-by-key with keys hashed (HMAC-SHA256, the default) beside the same operations on plaintext lookup
/// (a hasher that returns the normalized key itself, so the store indexes the plaintext as before hashing), on the
/// in-memory store and the EF store on a SQLite file. Baseline per operation: plaintext.
/// </summary>
/// <remarks>
/// The SQLite file runs in WAL mode with <c>synchronous=NORMAL</c> (no flush to disk per commit, as WAL databases
/// commonly run): with a flush per insert the issue rows measured the disk's flush latency, which on a shared machine
/// varied twofold between two rows of one run and hid the microseconds this class compares. Fifteen iterations, not a
/// short run's three, for the same reason.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(FifteenIterationsInProcess))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class KeyHashingBenchmarks
{
    private readonly List<string> _folders = [];
    private (ServiceProvider Provider, string Key) _plain;
    private (ServiceProvider Provider, string Key) _hashed;
    private int _sequence;

    /// <summary>The store under test.</summary>
    [Params("InMemory", "EfSqlite")]
    public string Store { get; set; } = "InMemory";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _plain = await CreateHostAsync(new PlaintextKeyHasher());
        _hashed = await CreateHostAsync(null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Provider.Dispose();
        _hashed.Provider.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "IssueAsync, plaintext lookup")]
    [BenchmarkCategory("Issue")]
    public Task<LicenseResult<License>> IssuePlaintext() => IssueAsync(_plain.Provider);

    [Benchmark(Description = "IssueAsync, hashed")]
    [BenchmarkCategory("Issue")]
    public Task<LicenseResult<License>> IssueHashed() => IssueAsync(_hashed.Provider);

    [Benchmark(Baseline = true, Description = "ValidateAsync by key, plaintext lookup")]
    [BenchmarkCategory("Validate")]
    public Task<LicenseValidationResult> ValidatePlaintext() => ValidateAsync(_plain);

    [Benchmark(Description = "ValidateAsync by key, hashed")]
    [BenchmarkCategory("Validate")]
    public Task<LicenseValidationResult> ValidateHashed() => ValidateAsync(_hashed);

    private static async Task<LicenseValidationResult> ValidateAsync((ServiceProvider Provider, string Key) host)
    {
        await using var scope = host.Provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ValidateAsync(new ValidateLicenseRequest { LicenseKey = host.Key });
    }

    private async Task<LicenseResult<License>> IssueAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var customer = "cust_" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = customer });
    }

    private async Task<(ServiceProvider, string)> CreateHostAsync(ILicenseKeyHasher? hasher)
    {
        var services = new ServiceCollection();
        var builder = services.AddLicenseKit(o =>
        {
            o.BusinessId = "biz_bench";
            BenchmarkKeyHashing.Configure(o.KeyHashing);
        });
        if (Store == "EfSqlite")
        {
            var folder = Directory.CreateTempSubdirectory("licensekit-hash-bench-").FullName;
            _folders.Add(folder);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true }.ToString();
            services.AddDbContext<EntityFrameworkCoreBenchmarkContext>(o => o.UseSqlite(connectionString).AddInterceptors(NoFlushPerCommit.Instance));
            builder.UseEntityFrameworkCore<EntityFrameworkCoreBenchmarkContext>();
        }

        if (hasher is not null)
        {
            builder.UseKeyHasher(hasher);
        }

        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            if (Store == "EfSqlite")
            {
                var context = scope.ServiceProvider.GetRequiredService<EntityFrameworkCoreBenchmarkContext>();
                await context.Database.EnsureCreatedAsync();
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        var key = (await IssueAsync(provider)).Value!.Key;
        return (provider, key);
    }

    /// <summary>One in-process job of fifteen measured iterations after five warm-up ones.</summary>
    private sealed class FifteenIterationsInProcess : ManualConfig
    {
        public FifteenIterationsInProcess() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15));
    }

    /// <summary>Sets <c>synchronous=NORMAL</c> on every connection (a per-connection setting in SQLite).</summary>
    private sealed class NoFlushPerCommit : DbConnectionInterceptor
    {
        public static readonly NoFlushPerCommit Instance = new();

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The plaintext baseline: the normalized key is its own "hash", as stores indexed it before hashing.</summary>
    private sealed class PlaintextKeyHasher : ILicenseKeyHasher
    {
        public string CurrentSecretId => "plain";

        public string Hash(string value) => value;

        public IReadOnlyList<string> HashWithOlderSecrets(string value) => [];

        public bool IsCurrent(string hash) => true;
    }
}
