using System.Security.Cryptography;

namespace LicenseKit.Internal;

/// <summary>
/// One hashing secret and a few HMAC-SHA256 instances keyed with it, reused across calls: keying an HMAC (on Linux an
/// OpenSSL MAC context) costs several times the hash of a short key, so the one-shot API would dominate every lookup.
/// </summary>
internal sealed class HashingSecret
{
    private readonly byte[] _secret;

    // Idle keyed instances; a slot is taken and given back with one atomic exchange each, so no two threads share one.
    private readonly IncrementalHash?[] _idle = new IncrementalHash?[Math.Max(4, Environment.ProcessorCount * 2)];

    public HashingSecret(string id, byte[] secret)
    {
        Id = id;
        _secret = secret;
    }

    public string Id { get; }

    /// <summary>Writes HMAC-SHA256(secret, <paramref name="data"/>) to <paramref name="digest"/>.</summary>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var hmac = Rent();
        try
        {
            hmac.AppendData(data);
            hmac.GetHashAndReset(digest);
        }
        catch
        {
            // A failure may leave the instance mid-hash: never hand it out again.
            hmac.Dispose();
            throw;
        }

        Return(hmac);
    }

    private IncrementalHash Rent()
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.Exchange(ref _idle[i], null) is { } hmac)
            {
                return hmac;
            }
        }

        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _secret);
    }

    private void Return(IncrementalHash hmac)
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _idle[i], hmac, null) is null)
            {
                return;
            }
        }

        hmac.Dispose();
    }
}
