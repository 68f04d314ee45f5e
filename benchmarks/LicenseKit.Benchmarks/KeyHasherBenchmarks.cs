using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace LicenseKit.Benchmarks;

/// <summary>
/// The cost of one key hash: <see cref="HmacLicenseKeyHasher.Hash"/> (keyed HMAC instances reused, one allocation) beside
/// the one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/> with string concatenation it replaced (baseline). Both
/// produce the same string.
/// </summary>
[MemoryDiagnoser]
public class KeyHasherBenchmarks
{
    private const string Key = "8F3C2A9E-41B7-4D0C-9A6E-5B1F7C2D8CBE";

    private static readonly byte[] Secret = Convert.FromBase64String(BenchmarkKeyHashing.Secret);

    [Benchmark(Baseline = true, Description = "one-shot HMACSHA256.HashData + string.Concat")]
    public string OneShot()
    {
        Span<byte> buffer = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Key.Length)];
        var written = Encoding.UTF8.GetBytes(Key, buffer);
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Secret, buffer[..written], digest);
        return string.Concat(BenchmarkKeyHashing.SecretId, ":", Base64Url.EncodeToString(digest));
    }

    [Benchmark(Description = "HmacLicenseKeyHasher.Hash")]
    public string Hasher() => BenchmarkKeyHashing.Hasher.Hash(Key);
}
