using System.Security.Cryptography;
using LicenseKit.Webhooks.Internal;

namespace LicenseKit;

/// <summary>
/// Signing secrets in the Standard Webhooks form: <c>whsec_</c> followed by the base64 of 24 to 64 random bytes. Give
/// each endpoint its own.
/// </summary>
public static class WebhookSecret
{
    /// <summary>The prefix that marks a symmetric webhook secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>The fewest random bytes a secret may hold (192 bits).</summary>
    public const int MinKeyBytes = 24;

    /// <summary>The most random bytes a secret may hold (512 bits).</summary>
    public const int MaxKeyBytes = 64;

    /// <summary>Generates a new secret of 32 random bytes from <see cref="RandomNumberGenerator"/>.</summary>
    /// <returns>The secret, e.g. <c>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw…</c>.</returns>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="secret"/> is a well-formed secret.</summary>
    /// <param name="secret">The candidate.</param>
    /// <returns><see langword="true"/> when it is <c>whsec_</c> followed by the base64 of 24 to 64 bytes.</returns>
    public static bool IsValid(string? secret) => WebhookSecretKey.TryDecode(secret, out _);
}
