using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LicenseKit.Webhooks.Internal;

namespace LicenseKit;

/// <summary>
/// Verifies a webhook delivery on the receiving side, per the Standard Webhooks specification: a <c>v1</c> signature
/// must match the id, timestamp and raw body under one of the secrets (compared in constant time), and the timestamp
/// must lie within <see cref="Tolerance"/> of now, which stops replays of captured deliveries. Bad input yields a
/// result with its reason, never an exception. Uses the base class library only; thread-safe.
/// </summary>
/// <remarks>
/// Verify the body exactly as received, before parsing it: re-serialized JSON does not match its signature. Then use
/// <see cref="WebhookVerificationResult.WebhookId"/> to skip deliveries already processed, since senders retry.
/// </remarks>
public sealed class WebhookVerifier
{
    /// <summary>The default replay window: five minutes either side of now.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    // A header longer than this many signatures is not from a sender rotating a few secrets; checking more would let a
    // caller make us compare without bound.
    private const int MaxSignaturesChecked = 16;

    private readonly byte[][] _keys;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier.</summary>
    /// <param name="secrets">
    /// The <c>whsec_…</c> secrets to accept, at least one; while a sender rotates its secret, give both the old and the new.
    /// </param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="tolerance">The replay window either side of now; <see cref="DefaultTolerance"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A secret is malformed, none is given, or the tolerance is negative.</exception>
    public WebhookVerifier(IEnumerable<string> secrets, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        _keys = WebhookSecretKey.DecodeAll(secrets, nameof(secrets));
        _timeProvider = timeProvider ?? TimeProvider.System;
        Tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(Tolerance, TimeSpan.Zero, nameof(tolerance));
    }

    /// <summary>How far a delivery's timestamp may lie from now, in either direction.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Verifies a delivery whose body is text (decoded from UTF-8 as received).</summary>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The request body, unchanged.</param>
    /// <returns>The outcome.</returns>
    public WebhookVerificationResult Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, string? body) =>
        Verify(webhookId, webhookTimestamp, webhookSignature, Encoding.UTF8.GetBytes(body ?? string.Empty));

    /// <summary>Verifies a delivery.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The raw bytes of the request body.</param>
    /// <returns>The outcome.</returns>
    public WebhookVerificationResult Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(webhookId))
        {
            return Missing(WebhookHeaders.Id);
        }

        if (string.IsNullOrEmpty(webhookTimestamp))
        {
            return Missing(WebhookHeaders.Timestamp);
        }

        if (string.IsNullOrEmpty(webhookSignature))
        {
            return Missing(WebhookHeaders.Signature);
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new() { Code = WebhookVerificationCode.InvalidTimestamp };
        }

        var timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = _timeProvider.GetUtcNow();
        if (timestamp < now - Tolerance)
        {
            return new() { Code = WebhookVerificationCode.TimestampTooOld, Timestamp = timestamp };
        }

        if (timestamp > now + Tolerance)
        {
            return new() { Code = WebhookVerificationCode.TimestampTooNew, Timestamp = timestamp };
        }

        var code = MatchesAnySignature(webhookId, seconds, webhookSignature, body)
            ? WebhookVerificationCode.Valid
            : WebhookVerificationCode.SignatureMismatch;
        return new() { Code = code, Timestamp = timestamp, WebhookId = code == WebhookVerificationCode.Valid ? webhookId : null };
    }

    private static WebhookVerificationResult Missing(string header) => new() { Code = WebhookVerificationCode.MissingHeader, Header = header };

    private bool MatchesAnySignature(string webhookId, long seconds, string header, ReadOnlySpan<byte> body)
    {
        var expected = new byte[_keys.Length * WebhookSignature.HashBytes];
        for (var i = 0; i < _keys.Length; i++)
        {
            WebhookSignature.Compute(_keys[i], webhookId, seconds, body, expected.AsSpan(i * WebhookSignature.HashBytes, WebhookSignature.HashBytes));
        }

        Span<byte> candidate = stackalloc byte[WebhookSignature.HashBytes];
        var checkedCount = 0;
        foreach (var range in header.AsSpan().Split(' '))
        {
            var entry = header.AsSpan(range);
            // Other schemes (v1a, future versions) and malformed entries are skipped: another entry may still match.
            if (!entry.StartsWith(WebhookSignature.VersionPrefix, StringComparison.Ordinal)
                || !Convert.TryFromBase64Chars(entry[WebhookSignature.VersionPrefix.Length..], candidate, out var written)
                || written != WebhookSignature.HashBytes)
            {
                continue;
            }

            for (var i = 0; i < _keys.Length; i++)
            {
                if (CryptographicOperations.FixedTimeEquals(candidate, expected.AsSpan(i * WebhookSignature.HashBytes, WebhookSignature.HashBytes)))
                {
                    return true;
                }
            }

            if (++checkedCount == MaxSignaturesChecked)
            {
                break;
            }
        }

        return false;
    }
}
