using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Webhooks.Internal;

/// <summary>
/// The Standard Webhooks <c>v1</c> scheme: HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, written as
/// <c>v1,&lt;base64&gt;</c>. Signer and verifier both compute through here.
/// </summary>
internal static class WebhookSignature
{
    public const string VersionPrefix = "v1,";
    public const int HashBytes = 32;

    public static void Compute(byte[] key, string webhookId, long timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(webhookId));
        Span<byte> separatedTimestamp = stackalloc byte[24];
        separatedTimestamp[0] = (byte)'.';
        Utf8Formatter.TryFormat(timestamp, separatedTimestamp[1..], out var digits);
        separatedTimestamp[digits + 1] = (byte)'.';
        hmac.AppendData(separatedTimestamp[..(digits + 2)]);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    /// <summary>Builds the <c>webhook-signature</c> header value: one <c>v1,</c> signature per key, space-separated.</summary>
    public static string FormatHeader(byte[][] keys, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var header = new StringBuilder();
        Span<byte> hash = stackalloc byte[HashBytes];
        foreach (var key in keys)
        {
            Compute(key, webhookId, timestamp, body, hash);
            if (header.Length > 0)
            {
                header.Append(' ');
            }

            header.Append(VersionPrefix).Append(Convert.ToBase64String(hash));
        }

        return header.ToString();
    }

    public static string FormatTimestamp(long timestamp) => timestamp.ToString(CultureInfo.InvariantCulture);
}
