using LicenseKit.Stores;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>Licenses and activations written straight to a store, for the EF-specific store tests.</summary>
internal static class StoreRecords
{
    public static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    public static License NewLicense(string businessId, string keyPrefix, int activationsLimit) => new()
    {
        Id = PrefixedId.Create(PrefixedId.License),
        Key = keyPrefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
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
