using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LicenseKit.Client;

namespace LicenseKit.Benchmarks;

/// <summary>
/// The app's start-up check of its stored license (<see cref="LicenseClient.Check"/>, warm: the storage already read)
/// beside <see cref="LicenseTokenVerifier.Verify"/> of the same token for the same fingerprint: what the client adds on
/// top of verifying the token (its snapshot, the clock-set-back check, the state).
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks : IDisposable
{
    private const string KeyId = "2026-01";
    private const string Fingerprint = "8c1f2b7e9d0a4c6e8f1b3d5a7c9e0f2a4b6d8e0f1a3c5e7f9b0d2f4a6c8e0a1b";

    private LicenseTokenVerifier _verifier = null!;
    private LicenseClient _client = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signingKey = LicenseSigningKey.FromPem(KeyId, key.ExportPkcs8PrivateKeyPem());
        var now = DateTimeOffset.UtcNow;
        var license = new License
        {
            Id = "lic_hyQQhhNzfEuvv",
            Key = "A184-99C2-8CBE-4F1D",
            BusinessId = "biz_345TUESrCDPvrb",
            ProductId = "prod_hyQQhhNzfEuvv",
            CustomerId = "cust_3r2FgHXp9",
            ActivationsLimit = 3,
            InstancesCount = 1,
            ExpiresAt = now.AddDays(365),
            Metadata = new LicenseMetadata(new Dictionary<string, string> { ["tier"] = "pro", ["seats"] = "5", ["features"] = "export,sync,api" }),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var instance = new LicenseInstance
        {
            Id = "lki_4Xq9ZrT7wPq2",
            BusinessId = license.BusinessId,
            LicenseId = license.Id,
            Name = "laptop",
            Fingerprint = Fingerprint,
            CreatedAt = now,
        };
        _token = new LicenseTokenSigner(signingKey, TimeSpan.FromDays(7)).SignAsync(license, instance).AsTask().GetAwaiter().GetResult();

        var publicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        _verifier = new LicenseTokenVerifier(publicKeyPem, KeyId);
        var options = new LicenseClientOptions
        {
            // Never called: Check is offline.
            ServerUrl = new Uri("http://127.0.0.1:9/licenses/"),
            ApplicationName = "LicenseKit.Benchmarks",
            Storage = new InMemoryLicenseTokenStorage(new StoredLicenseToken(_token, now)),
            FingerprintProvider = new FixedFingerprint(),
            CheckpointInterval = TimeSpan.FromDays(1),
        };
        options.PublicKeys[KeyId] = publicKeyPem;
        _client = new LicenseClient(options);

        if (!_verifier.Verify(_token, Fingerprint).IsValid || _client.Check().Code != LicenseStateCode.Licensed)
        {
            throw new InvalidOperationException("The benchmark token does not verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "LicenseTokenVerifier.Verify")]
    public LicenseTokenVerificationResult Verify() => _verifier.Verify(_token, Fingerprint);

    [Benchmark(Description = "LicenseClient.Check (warm)")]
    public LicenseState Check() => _client.Check();

    [GlobalCleanup]
    public void Dispose()
    {
        _client?.Dispose();
        _verifier?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class FixedFingerprint : IMachineFingerprintProvider
    {
        public string? GetFingerprint() => Fingerprint;
    }
}
