using BenchmarkDotNet.Attributes;
using LicenseKit.EntityFrameworkCore;
using LicenseKit.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace LicenseKit.Benchmarks.Scale;

/// <summary>
/// Each store's lookups, activation and list pages at 10³ … 10⁶ licenses in one business (<see cref="ScaleDataset"/>):
/// a flat cost is a ratio near 1 between the 10⁶ and the 10³ rows of an operation (benchmarks/scale/run.sh runs every
/// piece and prints them). The EF store runs on a SQLite file, and on PostgreSQL when LICENSEKIT_POSTGRES_CONNECTION is set; each call
/// takes a context from a pool, as a host's request scope does. Lookups and activations rotate over licenses spread
/// across the whole table, so no single row stays hot.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
[MedianColumn]
// No full collection before every iteration: with a million licenses on the heap each one takes about a second, which
// made the 10⁶ cases of the in-memory store take minutes. Collections the measured calls cause are still measured.
[GcForce(false)]
public class ScaleBenchmarks
{
    private const int Spread = 64;

    private ILicenseStore? _inMemory;
    private PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext>? _contexts;
    private int[] _rows = [];
    private int[] _activeRows = [];
    private string[] _keyHashes = [];
    private int _next;
    private long _activations;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int Licenses { get; set; }

    // LICENSEKIT_SCALE_STORES and LICENSEKIT_SCALE_SIZES (comma-separated) narrow a run to some stores and sizes, so a
    // full table can be measured in pieces short enough for a shared machine.
    private static readonly string[] AllStores = ["in-memory", "EF SQLite", "EF PostgreSQL"];
    private static readonly int[] AllSizes = [1_000, 10_000, 100_000, 1_000_000];

    public static IEnumerable<string> Stores() =>
        AllStores
            .Where(store => store != "EF PostgreSQL" || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ScaleStores.PostgresConnectionVariable)))
            .Where(store => Selected("LICENSEKIT_SCALE_STORES", store));

    public static IEnumerable<int> Sizes() =>
        AllSizes.Where(size => Selected("LICENSEKIT_SCALE_SIZES", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static bool Selected(string variable, string value) =>
        Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } selection
        || selection.Split(',', StringSplitOptions.TrimEntries).Contains(value, StringComparer.OrdinalIgnoreCase);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rows = Enumerable.Range(0, Spread).Select(s => (int)((long)Licenses * s / Spread) + 1).ToArray();
        // Hashed once here, as the lookup baselines do: the benchmark measures the store, not HMAC.
        _keyHashes = _rows.Select(row => BenchmarkKeyHashing.Hash(ScaleDataset.Key(row))).ToArray();
        // Activations go to the first active, unarchived license from each spread row on: a refused activation (disabled,
        // revoked, archived) writes nothing, and the share of refusals must not change with the size.
        _activeRows = _rows.Select(row =>
        {
            while (ScaleDataset.Status(row) != LicenseStatus.Active || ScaleDataset.Archived(row))
            {
                row++;
            }

            return row;
        }).ToArray();
        switch (Store)
        {
            case "in-memory":
                _inMemory = ScaleStores.FillInMemory(Licenses);
                break;
            case "EF SQLite":
                _contexts = new(await ScaleStores.SqliteAsync(Licenses));
                break;
            default:
                _contexts = new(await ScaleStores.PostgresAsync(Licenses));
                break;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _inMemory = null;
        _next = 0;
        _contexts = null;
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    [Benchmark(Description = "validate by key")]
    public Task<License?> ValidateByKey() =>
        RunAsync(store => store.FindByKeyAsync(ScaleDataset.BusinessId, _keyHashes[_next++ % Spread]));

    [Benchmark(Description = "find by id")]
    public Task<License?> FindById() =>
        RunAsync(store => store.FindByIdAsync(ScaleDataset.BusinessId, ScaleDataset.Id(NextRow())));

    [Benchmark(Description = "activate")]
    public Task<InstanceActivationOutcome> Activate() =>
        RunAsync(async store =>
        {
            var row = _activeRows[_next++ % Spread];
            var fingerprint = "fp-" + Interlocked.Increment(ref _activations);
            var now = ScaleDataset.Epoch.AddYears(1);
            var instance = new LicenseInstance
            {
                Id = PrefixedId.Create(PrefixedId.Instance),
                BusinessId = ScaleDataset.BusinessId,
                LicenseId = ScaleDataset.Id(row),
                Name = "machine",
                Fingerprint = fingerprint,
                CreatedAt = now,
            };
            var result = await store.ActivateAsync(new InstanceActivation(ScaleDataset.BusinessId, instance.LicenseId, instance, now));
            return result.Outcome;
        });

    [Benchmark(Description = "list, no filter")]
    public Task<IReadOnlyList<License>> List() => ListAsync(new LicenseKeysetQuery { Archived = false });

    [Benchmark(Description = "list, customer")]
    public Task<IReadOnlyList<License>> ListByCustomer() =>
        ListAsync(new LicenseKeysetQuery { CustomerId = ScaleDataset.Customer(Licenses / 2), Archived = false });

    [Benchmark(Description = "list, product")]
    public Task<IReadOnlyList<License>> ListByProduct() => ListAsync(new LicenseKeysetQuery { ProductId = ScaleDataset.Product(3), Archived = false });

    [Benchmark(Description = "list, status")]
    public Task<IReadOnlyList<License>> ListByStatus() => ListAsync(new LicenseKeysetQuery { Status = LicenseStatus.Revoked, Archived = false });

    [Benchmark(Description = "list, archived")]
    public Task<IReadOnlyList<License>> ListArchived() => ListAsync(new LicenseKeysetQuery { Archived = true });

    [Benchmark(Description = "list, created range")]
    public Task<IReadOnlyList<License>> ListCreatedRange() =>
        ListAsync(new LicenseKeysetQuery
        {
            CreatedFrom = ScaleDataset.CreatedAt(Licenses / 4),
            CreatedBefore = ScaleDataset.CreatedAt(Licenses / 2),
            Archived = false,
        });

    [Benchmark(Description = "list, next page mid-table")]
    public Task<IReadOnlyList<License>> ListNextPage() =>
        ListAsync(new LicenseKeysetQuery
        {
            Archived = false,
            After = new LicenseKeysetPosition(ScaleDataset.CreatedAt(Licenses / 2), ScaleDataset.Id(Licenses / 2)),
        });

    private Task<IReadOnlyList<License>> ListAsync(LicenseKeysetQuery query) => RunAsync(store => store.ListAsync(ScaleDataset.BusinessId, query));

    private int NextRow() => _rows[_next++ % Spread];

    private async Task<T> RunAsync<T>(Func<ILicenseStore, Task<T>> operation)
    {
        if (_inMemory is not null)
        {
            return await operation(_inMemory);
        }

        await using var context = _contexts!.CreateDbContext();
        return await operation(new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context));
    }
}
