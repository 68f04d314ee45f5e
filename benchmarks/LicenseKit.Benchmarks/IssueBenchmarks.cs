using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LicenseKit;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Issuing on the in-memory store, and its two sources of randomness, against one OS random call of 16 bytes: the
/// floor any design that asks the OS per license would pay.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(16_384)]
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
    private ServiceProvider? _provider;
    private ILicenseIssuer? _issuer;

    // A fresh store per iteration keeps the store's size, and so its cost, the same for every iteration.
    [IterationSetup]
    public void Setup()
    {
        _provider?.Dispose();
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
        _provider = services.BuildServiceProvider();
        _issuer = _provider.GetRequiredService<ILicenseIssuer>();
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
