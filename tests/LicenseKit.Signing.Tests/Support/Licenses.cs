namespace LicenseKit.Signing.Tests.Support;

internal static class Licenses
{
    public static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    public static License Create(LicenseStatus status = LicenseStatus.Active, DateTimeOffset? expiresAt = null, IReadOnlyDictionary<string, string>? metadata = null) => new()
    {
        Id = "lic_hyQQhhNzfEuvv",
        Key = "A184-99C2-8CBE",
        Status = status,
        BusinessId = "biz_345TUESrCDPvrb",
        ProductId = "prod_hyQQhhNzfEuvv",
        PaymentId = "pay_3r2FgHXp9",
        CustomerId = "cust_3r2FgHXp9",
        ActivationsLimit = 3,
        InstancesCount = 1,
        DurationHours = 720,
        ExpiresAt = expiresAt ?? Now.AddHours(720),
        Metadata = LicenseMetadata.From(metadata ?? new Dictionary<string, string> { ["tier"] = "pro", ["seats"] = "5" }),
        CreatedAt = Now.AddDays(-1),
        UpdatedAt = Now.AddDays(-1),
        Version = 2,
    };

    public static LicenseInstance Instance(string? fingerprint = "fp-123") => new()
    {
        Id = "lki_4Xq9TestInstance",
        BusinessId = "biz_345TUESrCDPvrb",
        LicenseId = "lic_hyQQhhNzfEuvv",
        Name = "laptop",
        Fingerprint = fingerprint,
        CreatedAt = Now,
    };
}
