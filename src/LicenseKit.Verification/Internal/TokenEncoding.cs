using System.Buffers.Text;

namespace LicenseKit.Verification.Internal;

/// <summary>The LK1 wire constants and encoding rules, shared by the signer and the verifier.</summary>
internal static class TokenEncoding
{
    public const string Prefix = "LK1";
    public const int FormatVersion = 1;
    public const string Es256 = "ES256";
    public const int Es256SignatureLength = 64;

    // 64 bytes of base64url without padding.
    public const int Es256SignatureChars = 86;

    // The core's limits bound the payload: 50 metadata pairs of at most 40 + 500 characters plus ids, key and fingerprint,
    // each character at most 3 UTF-8 bytes since the signer escapes only quotes, backslashes and control characters:
    // under 86 KB of JSON, under 115,000 characters of token. The signer's tests sign such a license.
    public const int MaxTokenLength = 128 * 1024;

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
    public const string PaymentId = "payment_id";
    public const string Status = "status";
    public const string ActivationsLimit = "activations_limit";
    public const string ExpiresAt = "expires_at";
    public const string IssuedAt = "issued_at";
    public const string NotBefore = "not_before";
    public const string TokenExpiresAt = "token_expires_at";
    public const string InstanceId = "instance_id";
    public const string Fingerprint = "fingerprint";
    public const string Metadata = "metadata";

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (UTC) as ASCII; hand-rolled because it runs four times per token.</summary>
    public static void FormatTimestamp(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        WriteDigits(destination[..4], utc.Year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), utc.Month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), utc.Day);
        destination[10] = (byte)'T';
        WriteDigits(destination.Slice(11, 2), utc.Hour);
        destination[13] = (byte)':';
        WriteDigits(destination.Slice(14, 2), utc.Minute);
        destination[16] = (byte)':';
        WriteDigits(destination.Slice(17, 2), utc.Second);
        destination[19] = (byte)'.';
        WriteDigits(destination.Slice(20, 3), utc.Millisecond);
        destination[23] = (byte)'Z';
    }

    /// <summary>Parses exactly <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>; anything else (another offset, no milliseconds, an impossible date) fails.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != TimestampLength || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.' || text[23] != 'Z'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || !TryDigits(text.Slice(20, 3), out var millisecond))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return true;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

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
