using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Tests.Keys;

public class HmacLicenseKeyHasherTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Test]
    public void Hash_IsTheSecretIdAndTheBase64UrlHmacSha256OfTheUtf8Value()
    {
        var hasher = CreateHasher();

        foreach (var value in new[] { "ABCD-EFGH", "Ä-KEY-ÑÖ", new string('K', 600), string.Empty })
        {
            hasher.Hash(value).Should().Be("s1:" + Base64Url.EncodeToString(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(value))), value);
        }
    }

    [Test]
    public async Task Hash_FromManyThreadsAtOnce_GivesEveryCallerItsOwnValuesHash()
    {
        // Keyed HMAC instances are reused between calls; two callers must never share one mid-hash.
        var hasher = CreateHasher();
        var values = Enumerable.Range(0, 20_000).Select(i => "KEY-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var hashes = new ConcurrentDictionary<string, string>();

        await Parallel.ForEachAsync(values, new ParallelOptions { MaxDegreeOfParallelism = 16 }, (value, _) =>
        {
            hashes[value] = hasher.Hash(value);
            return ValueTask.CompletedTask;
        });

        hashes.Should().HaveCount(values.Length);
        foreach (var value in values)
        {
            hashes[value].Should().Be("s1:" + Base64Url.EncodeToString(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(value))));
        }
    }

    [Test]
    public void HashWithOlderSecrets_WithOneSecret_IsEmpty()
    {
        CreateHasher().HashWithOlderSecrets("ABCD-EFGH").Should().BeEmpty();
    }

    private static HmacLicenseKeyHasher CreateHasher()
    {
        var options = new LicenseKeyHashingOptions();
        options.Secrets["s1"] = Convert.ToBase64String(Secret);
        return new HmacLicenseKeyHasher(options);
    }
}
