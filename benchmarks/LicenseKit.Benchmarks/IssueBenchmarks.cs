using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LicenseKit;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Issuing on the in-memory store, and its two sources of randomness, against one OS random call of 16 bytes: the
/// floor any design that asks the OS per license would pay.
/// </summary>
/// <remarks>
/// No per-iteration setup: BenchmarkDotNet sizes every iteration (hundreds of milliseconds, thousands of issues) and each
/// one pays the same steady mix of work and collections. Issuing runs into a store that is replaced by a fresh one
/// after every <see cref="IssuesPerStore"/> licenses, inside the measured code, so the store's size (and what a lookup
/// or an insert costs in it) cycles over the same range in every iteration instead of growing through the run; the
/// replacement costs a few hundred nanoseconds per issue at most, the same in every iteration. An earlier version
/// built a store before each short iteration and forced a collection there: whether a collection landed inside an
/// iteration then decided its time, and the ratio flipped between runs.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
public class IssueBenchmarks
{
    private const int IssuesPerStore = 1_024;

    private static readonly IssueLicenseRequest Request = new()
    {
        ProductId = "prod_hyQQhhNzfEuvv",
        CustomerId = "cust_3r2FgHXp9",
        ActivationsLimit = 3,
        DurationHours = 720,
    };

    private readonly byte[] _buffer = new byte[16];
    private readonly IKeyGenerator _keyGenerator = new RandomKeyGenerator(new LicenseKeyFormat());
    private readonly ServiceCollection _services = new();
    private ServiceProvider? _provider;
    private ILicenseIssuer? _issuer;
    private int _issued;

    [GlobalSetup]
    public void Setup()
    {
        _services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
        NewStore();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark(Baseline = true, Description = "RandomNumberGenerator.Fill(16 bytes)")]
    public byte[] OsRandom16Bytes()
    {
        RandomNumberGenerator.Fill(_buffer);
        return _buffer;
    }

    [Benchmark(Description = "Generate key (XXXX-XXXX-XXXX-XXXX)")]
    public string GenerateKey() => _keyGenerator.GenerateKey(new KeyGenerationContext("biz_1", "prod_1"));

    [Benchmark(Description = "Generate id (lic_ + 16 base62)")]
    public string GenerateId() => PrefixedId.Create(PrefixedId.License);

    [Benchmark(Description = "IssueAsync, in-memory store")]
    public Task<LicenseResult<License>> Issue()
    {
        if (++_issued % IssuesPerStore == 0)
        {
            NewStore();
        }

        return _issuer!.IssueAsync(Request);
    }

    private void NewStore()
    {
        _provider?.Dispose();
        _provider = _services.BuildServiceProvider();
        _issuer = _provider.GetRequiredService<ILicenseIssuer>();
    }
}
