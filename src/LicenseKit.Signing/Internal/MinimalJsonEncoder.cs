using System.Text.Encodings.Web;

namespace LicenseKit.Signing.Internal;

/// <summary>
/// Escapes only what JSON requires (quotes, backslashes, control characters) and writes every other character as
/// UTF-8. The payload sits base64url-encoded inside a signed token, never in HTML, so the web encoders' extra escaping
/// (every non-ASCII character becoming six bytes, supplementary characters twelve) would only make tokens of legal
/// licenses too large to verify.
/// </summary>
internal sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static readonly MinimalJsonEncoder Instance = new();

    private const string Hex = "0123456789ABCDEF";

    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            if (WillEncode(span[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            return TryWriteScalar(unicodeScalar, output, out numberOfCharactersWritten);
        }

        ReadOnlySpan<char> shortForm = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => default,
        };

        if (!shortForm.IsEmpty)
        {
            numberOfCharactersWritten = shortForm.Length;
            return shortForm.TryCopyTo(output);
        }

        numberOfCharactersWritten = 6;
        if (output.Length < 6)
        {
            return false;
        }

        output[0] = '\\';
        output[1] = 'u';
        output[2] = '0';
        output[3] = '0';
        output[4] = Hex[unicodeScalar >> 4];
        output[5] = Hex[unicodeScalar & 0xF];
        return true;
    }

    private static bool TryWriteScalar(int unicodeScalar, Span<char> output, out int written)
    {
        var rune = new System.Text.Rune(unicodeScalar);
        return rune.TryEncodeToUtf16(output, out written);
    }
}
