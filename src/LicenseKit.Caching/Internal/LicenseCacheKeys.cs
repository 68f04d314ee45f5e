using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Caching.Internal;

/// <summary>
/// The cache keys of licenses. Both carry the business, length-prefixed so no business id and lookup value can be
/// split two ways, which keeps each business's entries apart.
/// </summary>
internal static class LicenseCacheKeys
{
    // Above this many UTF-8 bytes a key is hashed from a pooled buffer instead of the stack.
    private const int StackBufferBytes = 256;

    /// <summary>The entry of a license found by id.</summary>
    public static string ForId(string businessId, string licenseId) =>
        string.Create(CultureInfo.InvariantCulture, $"id:{businessId.Length}:{businessId}:{licenseId}");

    /// <summary>
    /// The entry mapping a key to a license id. Stores are asked by the key's keyed hash already; it is digested once more
    /// with the business, so entries stay short and the eviction messages sent through Redis name no stored value.
    /// </summary>
    public static string ForKey(string businessId, string keyHash)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(businessId.Length + 1 + keyHash.Length);
        byte[]? rented = null;
        var buffer = byteCount <= StackBufferBytes ? stackalloc byte[StackBufferBytes] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(businessId, buffer);
            buffer[written++] = 0;
            written += Encoding.UTF8.GetBytes(keyHash, buffer[written..]);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], digest);

            // Validation builds this on every call: the digits are written on the stack, so only the key is allocated.
            Span<char> digits = stackalloc char[SHA256.HashSizeInBytes * 2];
            Convert.TryToHexString(digest, digits, out _);
            return string.Create(CultureInfo.InvariantCulture, stackalloc char[StackBufferBytes], $"key:{businessId.Length}:{businessId}:{digits}");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
