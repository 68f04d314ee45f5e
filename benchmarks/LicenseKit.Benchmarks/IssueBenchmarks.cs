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
/// Every iteration issues into a store of its own, built (and the last one collected) before the iteration starts, so
/// each iteration does the same work from the same state. It issues few enough licenses that what it allocates
/// (about 3 MB) stays under the GC's first-generation budget: no collection lands inside a measured iteration, where
/// at 16,384 licenses (11 MB) one landed in some iterations and not in others, and the ratio flipped between runs.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(4_096)]
public class IssueBenchmarks
{
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

    [GlobalSetup]
    public void Setup() => _services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");

    [IterationSetup]
    public void NewStore()
    {
        _provider?.Dispose();
        _provider = _services.BuildServiceProvider();
        _issuer = _provider.GetRequiredService<ILicenseIssuer>();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
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
    public Task<LicenseResult<License>> Issue() => _issuer!.IssueAsync(Request);
}
