using LicenseKit.Stores;

namespace LicenseKit.Tests.Stores;

// The bulk load large benchmark stores are filled with must put licenses into the same indexes a create does, or the
// benchmark would measure something other than the store hosts run.
public class InMemoryLicenseStoreLoadTests
{
    private const string Business = "biz_load";
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task LoadedLicenses_AnswerEveryLookupAndListLikeCreatedOnes_WithoutEvents()
    {
        var licenses = Enumerable.Range(0, 300).Select(NewLicense).ToArray();
        var created = new InMemoryLicenseStore();
        foreach (var license in licenses)
        {
            (await created.CreateAsync(license, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);
        }

        var loaded = new InMemoryLicenseStore();
        loaded.Load(licenses);

        foreach (var license in licenses)
        {
            (await loaded.FindByIdAsync(Business, license.Id)).Should().Be(await created.FindByIdAsync(Business, license.Id)).And.NotBeNull();
            (await loaded.FindByKeyAsync(Business, license.KeyHash!)).Should().Be(await created.FindByKeyAsync(Business, license.KeyHash!));
        }

        (await loaded.FindByIdAsync(Business, licenses[0].Id))!.Key.Should().BeEmpty("a store never keeps a plaintext key");
        foreach (var query in Queries())
        {
            var pages = await AllPagesAsync(loaded, query);
            pages.Should().NotBeEmpty().And.Equal(await AllPagesAsync(created, query));
        }

        (await loaded.ListEventsAsync(Business, default, 10)).Should().BeEmpty("loaded licenses were issued before");
        (await created.ListEventsAsync(Business, default, 10)).Should().HaveCount(10);
    }

    [Test]
    public async Task Load_RefusesRepeatedIdsOrKeys_KeylessLicensesAndInstances_AndAddsNothing()
    {
        var store = new InMemoryLicenseStore();
        await store.CreateAsync(NewLicense(0), null);
        Action[] refused =
        [
            () => store.Load([NewLicense(1), NewLicense(1) with { KeyHash = "other" }]),
            () => store.Load([NewLicense(1), NewLicense(2) with { KeyHash = NewLicense(1).KeyHash }]),
            () => store.Load([NewLicense(1), NewLicense(0) with { KeyHash = "other" }]),
            () => store.Load([NewLicense(1), NewLicense(2) with { KeyHash = NewLicense(0).KeyHash }]),
            () => store.Load([NewLicense(1), NewLicense(2) with { KeyHash = null }]),
            () => store.Load([NewLicense(1), NewLicense(2) with { InstancesCount = 1 }]),
        ];
        foreach (var load in refused)
        {
            load.Should().Throw<ArgumentException>();
        }

        (await store.ListAsync(Business, new LicenseKeysetQuery())).Select(l => l.Id).Should().Equal(NewLicense(0).Id);
    }

    // Every filter alone, combinations, the created range, the archived default and a cursor, in pages of 7.
    private static IEnumerable<LicenseKeysetQuery> Queries() =>
    [
        new(),
        new() { Archived = false },
        new() { Archived = true },
        new() { CustomerId = "cust_2" },
        new() { ProductId = "prod_1", Archived = false },
        new() { Status = LicenseStatus.Revoked },
        new() { CustomerId = "cust_3", Status = LicenseStatus.Active, Archived = false },
        new() { CreatedFrom = Epoch.AddMinutes(40), CreatedBefore = Epoch.AddMinutes(90) },
        new() { After = new LicenseKeysetPosition(Epoch.AddMinutes(75), "lic_150") },
    ];

    private static async Task<List<string>> AllPagesAsync(InMemoryLicenseStore store, LicenseKeysetQuery query)
    {
        var ids = new List<string>();
        var next = query with { Limit = 7 };
        while (true)
        {
            var page = await store.ListAsync(Business, next);
            ids.AddRange(page.Select(l => l.Id));
            if (page.Count < next.Limit)
            {
                return ids;
            }

            next = next with { After = new LicenseKeysetPosition(page[^1].CreatedAt, page[^1].Id) };
        }
    }

    // Two licenses per minute, so ties on created_at are ordered by id as well.
    private static License NewLicense(int i) => new()
    {
        Id = "lic_" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        Key = "KEY-" + i,
        KeyHash = "hash-" + i,
        BusinessId = Business,
        ProductId = "prod_" + (i % 3),
        CustomerId = "cust_" + (i % 5),
        Status = (LicenseStatus)(i % 3),
        Archived = i % 7 == 0,
        CreatedAt = Epoch.AddMinutes(i / 2),
        UpdatedAt = Epoch.AddMinutes(i / 2),
        Version = 1,
    };
}
