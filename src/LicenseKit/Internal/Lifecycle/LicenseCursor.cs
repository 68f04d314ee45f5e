using System.Buffers.Text;
using System.Globalization;
using System.Text;
using LicenseKit.Stores;

namespace LicenseKit.Internal;

/// <summary>Opaque keyset cursors: base64url of <c>v1|created_at unix ms|license id</c>.</summary>
internal static class LicenseCursor
{
    private const string Version = "v1";

    public static string Encode(License last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{last.CreatedAt.ToUnixTimeMilliseconds()}|{last.Id}")));

    public static bool TryDecode(string cursor, out LicenseKeysetPosition position)
    {
        position = default;
        if (cursor.Length > 512)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != Version || !InputValidator.IsLookupable(parts[2], LicenseLimits.MaxIdLength)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs)
            || unixMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        position = new LicenseKeysetPosition(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), parts[2]);
        return true;
    }
}
