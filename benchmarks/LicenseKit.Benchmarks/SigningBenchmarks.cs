using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LicenseKit;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Signing and verifying an LK1 token against the raw BCL ECDSA P-256 call over the same bytes: the baselines show how
/// much the token format (JSON, base64url, claims, checks) adds on top of the cryptography itself.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SigningBenchmarks : IDisposable
{
    private const string KeyId = "2026-01";

    private ECDsa _rawKey = null!;
    private LicenseSigningKey _signingKey = null!;
    private LicenseTokenSigner _signer = null!;
    private LicenseTokenVerifier _verifier = null!;
    private License _license = null!;
    private LicenseInstance _instance = null!;
    private string _token = null!;
    private byte[] _signedBytes = null!;
    private byte[] _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rawKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signingKey = LicenseSigningKey.FromPem(KeyId, _rawKey.ExportPkcs8PrivateKeyPem());
        _signer = new LicenseTokenSigner(_signingKey, TimeSpan.FromDays(7));
        _verifier = new LicenseTokenVerifier(_rawKey.ExportSubjectPublicKeyInfoPem(), KeyId);

        var now = DateTimeOffset.UtcNow;
        _license = new License
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
        _instance = new LicenseInstance
        {
            Id = "lki_4Xq9ZrT7wPq2",
            BusinessId = _license.BusinessId,
            LicenseId = _license.Id,
            Name = "laptop",
            Fingerprint = "fp-8c1f2b7e9d",
            CreatedAt = now,
        };

        _token = Sign();
        var lastDot = _token.LastIndexOf('.');
        _signedBytes = Encoding.ASCII.GetBytes(_token[..lastDot]);
        _signature = Base64Url.DecodeFromChars(_token.AsSpan(lastDot + 1));
        if (!_verifier.Verify(_token, _instance.Fingerprint).IsValid)
        {
            throw new InvalidOperationException("The benchmark token does not verify.");
        }
    }

    [BenchmarkCategory("Sign"), Benchmark(Baseline = true, Description = "Raw ECDsa.SignData")]
    public byte[] RawSignData() => _rawKey.SignData(_signedBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [BenchmarkCategory("Sign"), Benchmark(Description = "LicenseTokenSigner.Sign")]
    public string Sign()
    {
        // A fixed in-memory key completes synchronously: this measures signing, not a state machine.
        var pending = _signer.SignAsync(_license, _instance);
        return pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("Signing with an in-memory key did not complete synchronously.");
    }

    [BenchmarkCategory("Verify"), Benchmark(Baseline = true, Description = "Raw ECDsa.VerifyData")]
    public bool RawVerifyData() => _rawKey.VerifyData(_signedBytes, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [BenchmarkCategory("Verify"), Benchmark(Description = "LicenseTokenVerifier.Verify")]
    public bool Verify() => _verifier.Verify(_token, _instance.Fingerprint).IsValid;

    [GlobalCleanup]
    public void Dispose()
    {
        _verifier?.Dispose();
        _signingKey?.Dispose();
        _rawKey?.Dispose();
        GC.SuppressFinalize(this);
    }
}
