using BenchmarkDotNet.Attributes;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseKit.Benchmarks;

/// <summary>
/// A floating activation (an instance with a lease) and a heartbeat (the lease renewed) beside a node-locked activation,
/// on the EF Core store: a WAL-mode SQLite file and, when <c>LICENSEKIT_POSTGRES_CONNECTION</c> is set, PostgreSQL. Each
/// activation inserts a new instance of a license without a limit; each heartbeat renews one lease a millisecond later.
/// Every case runs the same number of calls per iteration, so each writes as many rows (and WAL) per iteration as the
/// baseline; the median beside the mean shows the typical call when load on a shared machine spikes some iterations.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(64)]
public class FloatingSeatBenchmarks
{
    private const string BusinessId = "biz_floating";
    private static readonly DateTimeOffset Start = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
    private DbContextOptions<EntityFrameworkCoreBenchmarkContext> _options = null!;
    private DirectoryInfo? _folder;
    private string? _postgresServer;
    private string _postgresDatabase = string.Empty;
    private EntityFrameworkCoreBenchmarkContext _context = null!;
    private EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext> _store = null!;
    private License _nodeLocked = null!;
    private License _floating = null!;
    private LicenseInstance _leased = null!;
    private long _tick;

    /// <summary>The database: <c>sqlite</c>, and <c>postgres</c> when a server is configured.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION") is null ? ["sqlite"] : ["sqlite", "postgres"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _options = Provider == "postgres" ? await CreatePostgresAsync() : CreateSqlite();
        await using (var context = new EntityFrameworkCoreBenchmarkContext(_options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        _context = new EntityFrameworkCoreBenchmarkContext(_options);
        _store = new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(_context);
        _nodeLocked = await CreateLicenseAsync("NODE-LOCKED");
        _floating = await CreateLicenseAsync("FLOATING");
        _leased = (await _store.ActivateAsync(Activation(_floating, Start, Start.AddMinutes(15)))).Instance!;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder?.Delete(recursive: true);
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "node-locked activation")]
    public Task<InstanceActivationResult> NodeLockedActivation() => _store.ActivateAsync(Activation(_nodeLocked, Now(), lease: null));

    [Benchmark(Description = "floating activation")]
    public Task<InstanceActivationResult> FloatingActivation()
    {
        var now = Now();
        return _store.ActivateAsync(Activation(_floating, now, now.AddMinutes(15)));
    }

    [Benchmark(Description = "heartbeat")]
    public Task<InstanceLeaseRenewalResult> Heartbeat()
    {
        var now = Now();
        return _store.RenewLeaseAsync(new InstanceLeaseRenewal(BusinessId, _floating.Id, _leased.Id, now.AddMinutes(15), now));
    }

    // Every call a millisecond later, so a lease never lapses under the heartbeat.
    private DateTimeOffset Now() => Start.AddMilliseconds(Interlocked.Increment(ref _tick));

    private static InstanceActivation Activation(License license, DateTimeOffset now, DateTimeOffset? lease)
    {
        var instance = new LicenseInstance
        {
            Id = PrefixedId.Create(PrefixedId.Instance),
            BusinessId = BusinessId,
            LicenseId = license.Id,
            Name = "agent",
            CreatedAt = now,
            LeaseExpiresAt = lease,
        };
        return new InstanceActivation(BusinessId, license.Id, instance, now);
    }

    private async Task<License> CreateLicenseAsync(string key)
    {
        var license = new License
        {
            Id = PrefixedId.Create(PrefixedId.License),
            Key = key,
            BusinessId = BusinessId,
            ProductId = "prod_bench",
            CustomerId = "cust_bench",
            CreatedAt = Start,
            UpdatedAt = Start,
            Version = 1,
        };
        await _store.CreateAsync(BenchmarkKeyHashing.WithKeyHash(license), null);
        return license;
    }

    private DbContextOptions<EntityFrameworkCoreBenchmarkContext> CreateSqlite()
    {
        _folder = Directory.CreateTempSubdirectory("licensekit-floating-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.FullName, "bench.db"), Pooling = true }.ToString();
        var options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseSqlite(connectionString).Options;
        using var context = new EntityFrameworkCoreBenchmarkContext(options);
        context.Database.EnsureCreated();
        context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        return options;
    }

    private async Task<DbContextOptions<EntityFrameworkCoreBenchmarkContext>> CreatePostgresAsync()
    {
        _postgresServer = Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION")!;
        _postgresDatabase = "licensekit_floating_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(_postgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ToString();
        return new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(connectionString).Options;
    }
}
