using System.Diagnostics.CodeAnalysis;

namespace LicenseKit.Webhooks.Internal;

/// <summary>Decodes <c>whsec_</c> secrets into HMAC keys: the one place that knows their format.</summary>
internal static class WebhookSecretKey
{
    public static bool TryDecode([NotNullWhen(true)] string? secret, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        if (secret is null || !secret.StartsWith(WebhookSecret.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = secret.AsSpan(WebhookSecret.Prefix.Length);
        Span<byte> buffer = stackalloc byte[WebhookSecret.MaxKeyBytes];
        // A secret longer than the buffer fails to decode, so MaxKeyBytes needs no check of its own.
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written < WebhookSecret.MinKeyBytes)
        {
            return false;
        }

        key = buffer[..written].ToArray();
        return true;
    }

    /// <summary>Decodes every secret, refusing a malformed one without echoing it.</summary>
    public static byte[][] DecodeAll(IEnumerable<string> secrets, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(secrets, parameterName);
        var keys = new List<byte[]>();
        foreach (var secret in secrets)
        {
            if (!TryDecode(secret, out var key))
            {
                throw new ArgumentException(
                    $"Secret {keys.Count} is not '{WebhookSecret.Prefix}' followed by the base64 of {WebhookSecret.MinKeyBytes} to {WebhookSecret.MaxKeyBytes} bytes.",
                    parameterName);
            }

            keys.Add(key);
        }

        return keys.Count > 0 ? [.. keys] : throw new ArgumentException("At least one secret is required.", parameterName);
    }
}
