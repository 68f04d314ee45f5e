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
/// One store for the whole run, filled with <see cref="PrefilledLicenses"/> licenses first, so each iteration issues
/// into a store of about the same size (a few thousand more licenses than 100,000 changes its cost by a fraction of a
/// percent) and no iteration pays for building a store or collecting the last one. Few invocations per iteration keep
/// what an iteration allocates (and so how many collections land in it) small and about the same in every iteration.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(2_048)]
public class IssueBenchmarks
{
    private const int PrefilledLicenses = 100_000;

    private static readonly IssueLicenseRequest Request = new()
    {
        ProductId = "prod_hyQQhhNzfEuvv",
        CustomerId = "cust_3r2FgHXp9",
        ActivationsLimit = 3,
        DurationHours = 720,
    };

    private readonly byte[] _buffer = new byte[16];
    private readonly IKeyGenerator _keyGenerator = new RandomKeyGenerator(new LicenseKeyFormat());
    private ServiceProvider? _provider;
    private ILicenseIssuer? _issuer;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
        _provider = services.BuildServiceProvider();
        _issuer = _provider.GetRequiredService<ILicenseIssuer>();
        for (var i = 0; i < PrefilledLicenses; i++)
        {
            await _issuer.IssueAsync(Request);
        }

        // What the fill left behind is long-lived from here on: collect it now, not in the first iterations.
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
