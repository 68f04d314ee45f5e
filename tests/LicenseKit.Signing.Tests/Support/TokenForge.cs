using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Signing.Tests.Support;

/// <summary>Builds tokens by hand from arbitrary JSON, signed with a real key, to reach checks a well-behaved signer never trips.</summary>
internal static class TokenForge
{
    public static string Sign(ECDsa key, string json, string prefix = "LK1")
    {
        var signed = prefix + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + Base64Url.EncodeToString(WithS(signature, low: true));
    }

    /// <summary>The P-256 group order n.</summary>
    public static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Returns the P1363 signature with s replaced by whichever of s and n − s is low (or high).</summary>
    public static byte[] WithS(byte[] signature, bool low)
    {
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var isLow = s <= Order / 2;
        if (isLow == low)
        {
            return signature;
        }

        var twin = (byte[])signature.Clone();
        var flipped = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(twin, 32, 32);
        flipped.CopyTo(twin, 64 - flipped.Length);
        return twin;
    }

    public static bool IsLowS(string token)
    {
        var signature = Base64Url.DecodeFromChars(token.Split('.')[2]);
        return new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true) <= Order / 2;
    }

    public static string Payload(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]));

    public static string ValidJson(string kid = "2026-01", string alg = "ES256", int version = 1, string extra = "") =>
        $$"""{"v":{{version}},"alg":"{{alg}}","kid":"{{kid}}","license_id":"lic_1","key":"K-1","business_id":"biz_1","product_id":"prod_1","customer_id":"cust_1","status":"ACTIVE","activations_limit":null,"expires_at":null,"issued_at":"2026-05-11T01:12:25.764Z","not_before":"2026-05-11T01:12:25.764Z","token_expires_at":"2026-05-18T01:12:25.764Z","instance_id":null,"fingerprint":null,"metadata":{}{{extra}}}""";
}
