namespace LicenseKit.Webhooks.Tests.Support;

/// <summary>Licenses and events with fixed values, so payloads can be compared exactly.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    public static License License(LicenseStatus status = LicenseStatus.Active) => new()
    {
        Id = "lic_hyQQhhNzfEuvv",
        Key = "A184-99C2-8CBE-4D2F",
        Status = status,
        BusinessId = "biz_345TUESrCDPvrb",
        ProductId = "prod_hyQQhhNzfEuvv",
        CustomerId = "cust_3r2FgHXp9",
        ActivationsLimit = 3,
        InstancesCount = 1,
        DurationHours = 720,
        ExpiresAt = Now.AddHours(720),
        Metadata = LicenseMetadata.From(new Dictionary<string, string> { ["tier"] = "pro" }),
        CreatedAt = Now.AddDays(-1),
        UpdatedAt = Now,
        Version = 2,
    };

    public static LicenseInstance Instance() => new()
    {
        Id = "lki_4Xq9TestInstance",
        BusinessId = "biz_345TUESrCDPvrb",
        LicenseId = "lic_hyQQhhNzfEuvv",
        Name = "laptop",
        Fingerprint = "fp-123",
        CreatedAt = Now,
    };

    public static LicenseIssued Issued(string eventId = "evt_issued1") =>
        new() { EventId = eventId, BusinessId = "biz_345TUESrCDPvrb", OccurredAt = Now, License = License() };

    public static LicenseUpdated Updated() =>
        new() { EventId = "evt_updated1", BusinessId = "biz_345TUESrCDPvrb", OccurredAt = Now, Previous = License() with { ActivationsLimit = 1 }, License = License() };

    public static LicenseStatusChanged StatusChanged() =>
        new() { EventId = "evt_status1", BusinessId = "biz_345TUESrCDPvrb", OccurredAt = Now, Previous = License(), License = License(LicenseStatus.Revoked) };

    public static LicenseActivated Activated() =>
        new() { EventId = "evt_activated1", BusinessId = "biz_345TUESrCDPvrb", OccurredAt = Now, License = License(), Instance = Instance() };

    public static LicenseDeactivated Deactivated() =>
        new() { EventId = "evt_deactivated1", BusinessId = "biz_345TUESrCDPvrb", OccurredAt = Now, License = License() with { InstancesCount = 0 }, Instance = Instance() };

    public static LicenseValidationFailed ValidationFailed(License? license) =>
        new() { EventId = "evt_failed1", BusinessId = "biz_345TUESrCDPvrb", OccurredAt = Now, License = license, Code = license is null ? LicenseValidationCode.NotFound : LicenseValidationCode.Expired };
}
