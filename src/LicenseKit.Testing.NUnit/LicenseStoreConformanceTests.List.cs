using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>Licenses list newest first; equal creation times are ordered by ordinal id, descending.</summary>
    [Test]
    public async Task ListAsync_OrdersNewestFirstThenOrdinalIdDescending()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var tie = Epoch.AddHours(1);
        var older = await StoreAsync(NewLicense(createdAt: Epoch));
        var newest = await StoreAsync(NewLicense(createdAt: Epoch.AddHours(2)));
        // Ordinal order is "B" < "a" < "c"; a culture-aware collation would sort "a" < "B" < "c".
        var tieB = await StoreAsync(NewLicense(createdAt: tie) with { Id = $"lic_{token}B" });
        var tieA = await StoreAsync(NewLicense(createdAt: tie) with { Id = $"lic_{token}a" });
        var tieC = await StoreAsync(NewLicense(createdAt: tie) with { Id = $"lic_{token}c" });

        var page = await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 10 });

        page.Should().Equal(newest, tieC, tieA, tieB, older);
    }

    /// <summary>Walking pages with <see cref="LicenseKeysetQuery.After"/> visits every license once, in order, across ties.</summary>
    [Test]
    public async Task ListAsync_WithAfter_PagesWithoutGapsOrRepeats()
    {
        var all = new List<License>();
        for (var i = 0; i < 8; i++)
        {
            // Pairs share a creation time, so pages must break ties by id.
            all.Add(await StoreAsync(NewLicense(createdAt: Epoch.AddMinutes(i / 2))));
        }

        var expected = all.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id, StringComparer.Ordinal).ToList();
        var seen = new List<License>();
        LicenseKeysetPosition? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 3, After = after });
            seen.AddRange(page);
            if (page.Count < 3)
            {
                break;
            }

            after = new LicenseKeysetPosition(page[^1].CreatedAt, page[^1].Id);
        }

        seen.Should().Equal(expected);
    }

    /// <summary>Every filter narrows the list; the creation window includes its start and excludes its end.</summary>
    [Test]
    public async Task ListAsync_Filters_MatchEverySetFilter()
    {
        var a = await StoreAsync(NewLicense(createdAt: Epoch) with { ProductId = "prod_a", CustomerId = "cust_1" });
        var b = await StoreAsync(NewLicense(createdAt: Epoch.AddDays(1)) with { ProductId = "prod_b", CustomerId = "cust_1", Status = LicenseStatus.Disabled });
        var c = await StoreAsync(NewLicense(createdAt: Epoch.AddDays(2)) with { ProductId = "prod_a", CustomerId = "cust_2", Archived = true });
        var d = await StoreAsync(NewLicense(createdAt: Epoch.AddDays(3)) with { ProductId = "prod_a", CustomerId = "cust_2", Status = LicenseStatus.Revoked });
        await StoreAsync(NewLicense(createdAt: Epoch.AddDays(4)) with { BusinessId = BusinessId + "_other", ProductId = "prod_a" });
        var store = CreateStore();

        (await store.ListAsync(BusinessId, new LicenseKeysetQuery())).Should().Equal(d, c, b, a);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { ProductId = "prod_a" })).Should().Equal(d, c, a);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { CustomerId = "cust_1" })).Should().Equal(b, a);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { Status = LicenseStatus.Active })).Should().Equal(c, a);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { Status = LicenseStatus.Revoked })).Should().Equal(d);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { Archived = false })).Should().Equal(d, b, a);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { Archived = true })).Should().Equal(c);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { CreatedFrom = Epoch.AddDays(1), CreatedBefore = Epoch.AddDays(3) })).Should().Equal(c, b);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { ProductId = "prod_a", CustomerId = "cust_2", Archived = false })).Should().Equal(d);
        (await store.ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 2 })).Should().Equal(d, c);
        (await store.ListAsync(BusinessId + "_none", new LicenseKeysetQuery())).Should().BeEmpty();
    }

    /// <summary>
    /// A page filtered by customer or product starts after its cursor and strictly before created_before (a license
    /// created at that very instant is left out), whatever other licenses lie between.
    /// </summary>
    [Test]
    public async Task ListAsync_FilteredPages_StartAfterTheCursorAndBeforeTheWindowsEnd()
    {
        var mine = new List<License>();
        for (var i = 0; i < 6; i++)
        {
            mine.Add(await StoreAsync(NewLicense(createdAt: Epoch.AddHours(i)) with { CustomerId = "cust_pages", ProductId = "prod_pages" }));
            await StoreAsync(NewLicense(createdAt: Epoch.AddHours(i)) with { CustomerId = "cust_other", ProductId = "prod_other" });
        }

        var store = CreateStore();
        var byCustomer = new LicenseKeysetQuery { CustomerId = "cust_pages", CreatedBefore = Epoch.AddHours(4), Limit = 2 };
        var first = await store.ListAsync(BusinessId, byCustomer);
        var second = await store.ListAsync(BusinessId, byCustomer with { After = new LicenseKeysetPosition(first[^1].CreatedAt, first[^1].Id) });
        var byProduct = await store.ListAsync(BusinessId, new LicenseKeysetQuery { ProductId = "prod_pages", After = new LicenseKeysetPosition(mine[4].CreatedAt, mine[4].Id) });

        first.Should().Equal(mine[3], mine[2]);
        second.Should().Equal(mine[1], mine[0]);
        byProduct.Should().Equal(mine[3], mine[2], mine[1], mine[0]);
    }
}
