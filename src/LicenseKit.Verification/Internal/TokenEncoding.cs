using System.Buffers.Text;
using System.Globalization;

namespace LicenseKit.Internal;

/// <summary>The LK1 wire constants and encoding rules, shared by the signer and the verifier.</summary>
internal static class TokenEncoding
{
    public const string Prefix = "LK1";
    public const int FormatVersion = 1;
    public const string Es256 = "ES256";
    public const int Es256SignatureLength = 64;

    // 64 bytes of base64url without padding.
    public const int Es256SignatureChars = 86;

    // Metadata is bounded by the core (50 pairs of at most 40 + 500 characters), which keeps real tokens far below this.
    public const int MaxTokenLength = 64 * 1024;

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    public const int TimestampLength = 24;

    // JSON member names, in the order the signer writes them.
    public const string V = "v";
    public const string Alg = "alg";
    public const string Kid = "kid";
    public const string LicenseId = "license_id";
    public const string Key = "key";
    public const string BusinessId = "business_id";
    public const string ProductId = "product_id";
    public const string CustomerId = "customer_id";
    public const string Status = "status";
    public const string ActivationsLimit = "activations_limit";
    public const string ExpiresAt = "expires_at";
    public const string IssuedAt = "issued_at";
    public const string NotBefore = "not_before";
    public const string TokenExpiresAt = "token_expires_at";
    public const string InstanceId = "instance_id";
    public const string Fingerprint = "fingerprint";
    public const string Metadata = "metadata";

    public static bool TryFormatTimestamp(DateTimeOffset value, Span<char> destination, out int written) =>
        value.UtcDateTime.TryFormat(destination, out written, TimestampFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Truncates to whole milliseconds, the precision of the wire format.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>
    /// Decodes base64url without padding, refusing every non-canonical spelling (padding, whitespace, set unused bits),
    /// so exactly one string encodes a given signature and a changed character can never decode to the same bytes.
    /// </summary>
    public static bool TryDecodeCanonical(ReadOnlySpan<char> source, Span<byte> destination, out int written)
    {
        written = 0;
        var remainder = source.Length % 4;
        if (remainder == 1 || Base64Url.GetMaxDecodedLength(source.Length) > destination.Length)
        {
            return false;
        }

        if (remainder != 0)
        {
            var last = SextetOf(source[^1]);
            var unusedBitsMask = remainder == 2 ? 0b1111 : 0b11;
            if (last < 0 || (last & unusedBitsMask) != 0)
            {
                return false;
            }
        }

        foreach (var c in source)
        {
            if (SextetOf(c) < 0)
            {
                return false;
            }
        }

        return Base64Url.TryDecodeFromChars(source, destination, out written);
    }

    private static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
