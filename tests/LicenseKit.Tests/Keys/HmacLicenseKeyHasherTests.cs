using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Tests.Keys;

public class HmacLicenseKeyHasherTests
{
    private static readonly byte[] OldSecret = Enumerable.Repeat((byte)1, 32).ToArray();
    private static readonly byte[] NewSecret = Enumerable.Repeat((byte)2, 32).ToArray();

    [Test]
    public async Task Hash_OnManyThreadsAtOnce_IsTheHmacOfEachKeyUnderEachSecret()
    {
        var hasher = new HmacLicenseKeyHasher(TwoSecrets());
        var wrong = new ConcurrentBag<string>();

        // The keyed HMAC is reused per thread: many tasks on the pool's threads must never mix keys or secrets.
        await Parallel.ForEachAsync(Enumerable.Range(0, 4_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            var key = $"KEY-{i:D5}-{new string('x', i % 300)}";
            var older = hasher.HashWithOlderSecrets(key);
            if (hasher.Hash(key) != Expected("new", NewSecret, key) || older.Count != 1 || older[0] != Expected("old", OldSecret, key))
            {
                wrong.Add(key);
            }

            return ValueTask.CompletedTask;
        });

        wrong.Should().BeEmpty();
    }

    [Test]
    public void Hash_WithTwoHashersTakingTurnsOnOneThread_KeepsEachHashersSecrets()
    {
        var rotated = new HmacLicenseKeyHasher(TwoSecrets());
        var single = new LicenseKeyHashingOptions { CurrentSecretId = "old" };
        single.Secrets["old"] = Convert.ToBase64String(OldSecret);
        var other = new HmacLicenseKeyHasher(single);

        for (var i = 0; i < 3; i++)
        {
            rotated.Hash("ABCD-EFGH").Should().Be(Expected("new", NewSecret, "ABCD-EFGH"));
            other.Hash("ABCD-EFGH").Should().Be(Expected("old", OldSecret, "ABCD-EFGH"));
        }
    }

    [Test]
    public void HashWithOlderSecrets_WithOneSecret_IsEmpty()
    {
        var single = new LicenseKeyHashingOptions();
        single.Secrets["old"] = Convert.ToBase64String(OldSecret);

        new HmacLicenseKeyHasher(single).HashWithOlderSecrets("ABCD-EFGH").Should().BeEmpty();
    }

    private static LicenseKeyHashingOptions TwoSecrets()
    {
        var options = new LicenseKeyHashingOptions { CurrentSecretId = "new" };
        options.Secrets["old"] = Convert.ToBase64String(OldSecret);
        options.Secrets["new"] = Convert.ToBase64String(NewSecret);
        return options;
    }

    // The documented format, computed with the one-shot HMAC: secret-id:base64url(HMAC-SHA256(secret, UTF-8 of the value)).
    private static string Expected(string id, byte[] secret, string value) =>
        id + ":" + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(value)));
}
