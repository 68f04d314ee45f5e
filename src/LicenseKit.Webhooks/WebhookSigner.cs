using LicenseKit.Webhooks.Internal;

namespace LicenseKit;

/// <summary>
/// Signs webhook deliveries per the Standard Webhooks specification: HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>
/// with each secret, written as space-separated <c>v1,&lt;base64&gt;</c> signatures. Signing with the old and the new
/// secret while a receiver rotates keeps every delivery verifiable. Thread-safe.
/// </summary>
public sealed class WebhookSigner
{
    private readonly byte[][] _keys;

    /// <summary>Creates a signer.</summary>
    /// <param name="secrets">The <c>whsec_…</c> secrets to sign with, at least one.</param>
    /// <exception cref="ArgumentException">A secret is malformed or none is given.</exception>
    public WebhookSigner(IEnumerable<string> secrets) => _keys = WebhookSecretKey.DecodeAll(secrets, nameof(secrets));

    /// <summary>Computes the <c>webhook-signature</c> header value of one delivery attempt.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>; must not contain a full stop, the scheme's separator.</param>
    /// <param name="timestamp">The attempt's time; signed as whole Unix seconds, as sent in <c>webhook-timestamp</c>.</param>
    /// <param name="body">The exact bytes of the request body.</param>
    /// <returns>The header value, e.g. <c>v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="webhookId"/> is empty or contains a full stop.</exception>
    public string Sign(string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (webhookId.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("A webhook id must not contain '.', the separator of the signed content.", nameof(webhookId));
        }

        return WebhookSignature.FormatHeader(_keys, webhookId, timestamp.ToUnixTimeSeconds(), body);
    }
}
