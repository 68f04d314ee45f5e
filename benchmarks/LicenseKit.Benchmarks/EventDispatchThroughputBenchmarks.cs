using BenchmarkDotNet.Attributes;
using LicenseKit.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Dispatcher throughput on PostgreSQL: two hosts (two service providers, two pools, two dispatchers) drain the same
/// 1,000 recorded events to a no-op handler, claiming with FOR UPDATE SKIP LOCKED. The time per operation is the time per
/// event, so events per second = 1 s / Mean. Needs <c>LICENSEKIT_POSTGRES_CONNECTION</c>.
/// </summary>
[MemoryDiagnoser]
public class EventDispatchThroughputBenchmarks
{
    private const int Events = 1000;
    private const string BusinessId = "biz_dispatch";
    private static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private string _server = string.Empty;
    private string _database = string.Empty;
    private DbContextOptions<EntityFrameworkCoreBenchmarkContext> _options = null!;
    private ServiceProvider[] _hosts = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = Environment.GetEnvironmentVariable("LICENSEKIT_POSTGRES_CONNECTION")
            ?? throw new InvalidOperationException("Set LICENSEKIT_POSTGRES_CONNECTION to run the PostgreSQL benchmarks.");
        _database = "licensekit_dispatch_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(_server, $"CREATE DATABASE \"{_database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
        _options = new DbContextOptionsBuilder<EntityFrameworkCoreBenchmarkContext>().UseNpgsql(connectionString).Options;
        await using (var context = new EntityFrameworkCoreBenchmarkContext(_options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        _hosts = [CreateHost(connectionString), CreateHost(connectionString)];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    [IterationSetup]
    public void RecordEvents()
    {
        using var context = new EntityFrameworkCoreBenchmarkContext(_options);
        var store = new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context);
        for (var i = 0; i < Events; i++)
        {
            store.CreateAsync(BenchmarkKeyHashing.WithKeyHash(NewLicense()), null).GetAwaiter().GetResult();
        }
    }

    [Benchmark(OperationsPerInvoke = Events, Description = "two hosts, no-op handler")]
    public async Task DrainTwoHosts()
    {
        var drained = await Task.WhenAll(_hosts.Select(host => Task.Run(async () =>
        {
            var delivery = host.GetRequiredService<LicenseEventDelivery>();
            var total = 0;
            for (var claimed = -1; claimed != 0; total += claimed)
            {
                claimed = await delivery.DeliverDueAsync();
            }

            return total;
        })));
        if (drained.Sum() != Events)
        {
            throw new InvalidOperationException($"Delivered {drained.Sum()} events, expected {Events}.");
        }
    }

    private ServiceProvider CreateHost(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDbContext<EntityFrameworkCoreBenchmarkContext>(o => o.UseNpgsql(connectionString));
        services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                BenchmarkKeyHashing.Configure(o.KeyHashing);
            })
            .UseEntityFrameworkCore<EntityFrameworkCoreBenchmarkContext>()
            .AddEventHandler(new NoOpHandler());
        return services.BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static License NewLicense() => new()
    {
        Id = PrefixedId.Create(PrefixedId.License),
        Key = "DSP-" + Guid.NewGuid().ToString("N"),
        BusinessId = BusinessId,
        ProductId = "prod_dispatch",
        CustomerId = "cust_dispatch",
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };

    private sealed class NoOpHandler : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
