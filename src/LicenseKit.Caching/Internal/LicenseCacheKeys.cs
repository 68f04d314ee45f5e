using System.Globalization;

namespace LicenseKit.Caching.Internal;

/// <summary>
/// The cache keys of licenses. Both carry the business, length-prefixed so no business id and lookup value can be
/// split two ways, which keeps each business's entries apart.
/// </summary>
internal static class LicenseCacheKeys
{
    /// <summary>The entry of a license found by id.</summary>
    public static string ForId(string businessId, string licenseId) =>
        string.Create(CultureInfo.InvariantCulture, $"id:{businessId.Length}:{businessId}:{licenseId}");

    /// <summary>
    /// The entry mapping a key to a license id, named by the key's keyed hash as the store is asked by: that hash is
    /// already a digest that gives nothing away without the hashing secret, so it is not digested again (the key is
    /// hashed once per lookup), and eviction messages sent through Redis carry no key.
    /// </summary>
    public static string ForKey(string businessId, string keyHash) =>
        string.Create(CultureInfo.InvariantCulture, $"key:{businessId.Length}:{businessId}:{keyHash}");
}
