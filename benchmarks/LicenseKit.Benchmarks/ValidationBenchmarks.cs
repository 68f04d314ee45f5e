using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using LicenseKit;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Validation by key on the in-memory store, against a bare <see cref="ConcurrentDictionary{TKey,TValue}"/> lookup: the
/// least a key-to-license lookup can cost. Validation writes nothing, so one store serves every invocation.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly ConcurrentDictionary<string, License> _dictionary = new(StringComparer.Ordinal);
    private ServiceProvider? _provider;
    private ILicenseActivator? _activator;
    private string _key = string.Empty;
    private ValidateLicenseRequest? _byKey;
    private ValidateLicenseRequest? _byInstance;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
        _provider = services.BuildServiceProvider();
        _activator = _provider.GetRequiredService<ILicenseActivator>();
        var license = (await _provider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" })).Value!;
        var instance = (await _activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "bench" })).Value!.Instance;
        _key = license.Key;
        _dictionary[_key] = license;
        _byKey = new ValidateLicenseRequest { LicenseKey = license.Key };
        _byInstance = new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id };
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark(Baseline = true, Description = "ConcurrentDictionary lookup")]
    public License? DictionaryLookup() => _dictionary.TryGetValue(_key, out var license) ? license : null;

    [Benchmark(Description = "ValidateAsync by key")]
    public Task<LicenseValidationResult> ValidateByKey() => _activator!.ValidateAsync(_byKey!);

    [Benchmark(Description = "ValidateAsync by key and instance")]
    public Task<LicenseValidationResult> ValidateByInstance() => _activator!.ValidateAsync(_byInstance!);
}
