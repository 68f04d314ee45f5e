using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Internal;

/// <summary>A stable hash of an issue request, to tell an idempotent retry from a different request reusing the key.</summary>
internal static class RequestHash
{
    /// <param name="request">The issue request.</param>
    /// <param name="customKeyHash">The keyed hash of the request's normalized custom key; <see langword="null"/> without one.</param>
    public static string Compute(IssueLicenseRequest request, string? customKeyHash)
    {
        var text = new StringBuilder();
        Append(text, request.ProductId);
        Append(text, request.CustomerId);
        Append(text, request.ActivationsLimit?.ToString(CultureInfo.InvariantCulture));
        Append(text, request.DurationHours?.ToString(CultureInfo.InvariantCulture));
        // The custom key only by its keyed hash: a bare SHA-256 over guessable fields would let a dump confirm a guessed key.
        Append(text, customKeyHash);
        Append(text, request.PaymentId);
        Append(text, request.ActivationMessage);
        if (request.Metadata is { } metadata)
        {
            foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Append(text, key);
                Append(text, value);
            }
        }

        // Appended only when given, so the hashes of requests without entitlements stay what they were; '#' cannot start
        // an appended value, so names never read as metadata.
        if (request.Entitlements is { Count: > 0 } entitlements)
        {
            text.Append('#');
            foreach (var name in entitlements.Order(StringComparer.Ordinal))
            {
                Append(text, name);
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Length-prefixed so that ("ab", "c") and ("a", "bc") hash differently; -1 marks null.
    private static void Append(StringBuilder text, string? value) =>
        text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
}
