namespace LicenseKit.Verification.Internal;

/// <summary>
/// Canonical (low-S) ECDSA P-256 signatures. For any valid (r, s), (r, n − s) verifies too; allowing only s ≤ n/2 gives
/// every signature exactly one form, so token strings can key caches and deny-lists.
/// </summary>
internal static class EcdsaSignatures
{
    private const int ScalarLength = 32;

    // The order n of P-256 and ⌊n / 2⌋, big-endian.
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ];

    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xDE, 0x73, 0x7D, 0x56, 0xD3, 0x8B, 0xCF, 0x42, 0x79, 0xDC, 0xE5, 0x61, 0x7E, 0x31, 0x92, 0xA8,
    ];

    /// <summary>Whether the P1363 signature <c>r || s</c> has s ≤ n/2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) =>
        signature.Length == 2 * ScalarLength && signature[ScalarLength..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>Replaces a high s by n − s in place, which leaves the signature valid and makes it canonical.</summary>
    public static void NormalizeToLowS(Span<byte> signature)
    {
        if (IsLowS(signature))
        {
            return;
        }

        var s = signature[ScalarLength..];
        var borrow = 0;
        for (var i = ScalarLength - 1; i >= 0; i--)
        {
            var difference = Order[i] - s[i] - borrow;
            borrow = difference < 0 ? 1 : 0;
            s[i] = (byte)(difference + (borrow << 8));
        }
    }
}
