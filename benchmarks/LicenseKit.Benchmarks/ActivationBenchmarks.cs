using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using LicenseKit;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Activate and deactivate on the in-memory store, against a bare <see cref="ConcurrentDictionary{TKey,TValue}"/> lookup
/// by key. Both write, so each iteration starts from a fresh store (validation, which does not, is in
/// <see cref="ValidationBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(16_384)]
public class ActivationBenchmarks
{
    private readonly ConcurrentDictionary<string, License> _dictionary = new(StringComparer.Ordinal);
    private ServiceProvider? _provider;
    private ILicenseActivator? _activator;
    private License? _license;
    private ActivateLicenseRequest? _activate;
    private DeactivateLicenseRequest[] _deactivations = [];
    private int _next;

    [IterationSetup(Targets = [nameof(DictionaryLookup), nameof(Activate)])]
    public void Setup() => SetupAsync(activations: 0).GetAwaiter().GetResult();

    // Deactivation needs one live instance per invocation.
    [IterationSetup(Target = nameof(Deactivate))]
    public void SetupDeactivate() => SetupAsync(activations: 16_384).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark(Baseline = true, Description = "ConcurrentDictionary lookup")]
    public License? DictionaryLookup() => _dictionary.TryGetValue(_license!.Key, out var license) ? license : null;

    [Benchmark(Description = "ActivateAsync (no limit)")]
    public Task<LicenseResult<LicenseActivationResponse>> Activate() => _activator!.ActivateAsync(_activate!);

    [Benchmark(Description = "DeactivateAsync")]
    public Task<LicenseResult<LicenseInstance>> Deactivate() => _activator!.DeactivateAsync(_deactivations[_next++]);

    private async Task SetupAsync(int activations)
    {
        _provider?.Dispose();
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
        _provider = services.BuildServiceProvider();
        _activator = _provider.GetRequiredService<ILicenseActivator>();
        var issued = await _provider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        _license = issued.Value!;
        _dictionary[_license.Key] = _license;
        _activate = new ActivateLicenseRequest { LicenseKey = _license.Key, Name = "bench" };
        _deactivations = new DeactivateLicenseRequest[activations];
        for (var i = 0; i < activations; i++)
        {
            var instance = (await _activator.ActivateAsync(_activate)).Value!.Instance;
            _deactivations[i] = new DeactivateLicenseRequest { LicenseKey = _license.Key, LicenseKeyInstanceId = instance.Id };
        }

        _next = 0;
    }
}
