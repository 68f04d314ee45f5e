using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>Licenses and activations written straight to a store, for the EF-specific store tests.</summary>
internal static class StoreRecords
{
    public static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    /// <summary>The hashing secret of the EF test hosts: 32 fixed bytes, for tests only.</summary>
    public static readonly string HashingSecret = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());

    private static readonly HmacLicenseKeyHasher Hasher = CreateHasher();

    /// <summary>A license as a store receives it: its key hashed and hinted, no plaintext.</summary>
    public static License NewLicense(string businessId, string keyPrefix, int activationsLimit) => NewLicenseWithKey(businessId, keyPrefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), activationsLimit);

    public static string KeyHash(string key) => Hasher.Hash(LicenseKeyNormalizer.Normalize(key));

    private static HmacLicenseKeyHasher CreateHasher()
    {
        var options = new LicenseKeyHashingOptions();
        options.Secrets["test"] = StoreRecords.HashingSecret;
        return new HmacLicenseKeyHasher(options);
    }

    private static License NewLicenseWithKey(string businessId, string key, int activationsLimit) => new()
    {
        Id = PrefixedId.Create(PrefixedId.License),
        KeyHash = KeyHash(key),
        KeyHint = LicenseKeyHint.Of(LicenseKeyNormalizer.Normalize(key)),
        BusinessId = businessId,
        ProductId = "prod_1",
        CustomerId = "cust_1",
        ActivationsLimit = activationsLimit,
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };

    public static InstanceActivation Activation(License license, string fingerprint) => new(
        license.BusinessId,
        license.Id,
        new LicenseInstance
        {
            Id = PrefixedId.Create(PrefixedId.Instance),
            BusinessId = license.BusinessId,
            LicenseId = license.Id,
            Name = "machine",
            Fingerprint = fingerprint,
            CreatedAt = Now,
        },
        Now);
}
