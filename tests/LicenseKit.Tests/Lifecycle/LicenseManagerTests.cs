using System.Collections.Concurrent;

namespace LicenseKit.Tests.Lifecycle;

public class LicenseManagerTests
{
    private static async Task<License> InStatus(TestServices sut, LicenseStatus status)
    {
        var license = await sut.IssueAsync();
        return status switch
        {
            LicenseStatus.Active => license,
            LicenseStatus.Disabled => (await sut.Manager.DisableAsync(license.Id)).Value!,
            _ => (await sut.Manager.RevokeAsync(license.Id)).Value!,
        };
    }

    [TestCase(LicenseStatus.Active, LicenseStatus.Disabled)]
    [TestCase(LicenseStatus.Disabled, LicenseStatus.Active)]
    [TestCase(LicenseStatus.Active, LicenseStatus.Revoked)]
    [TestCase(LicenseStatus.Disabled, LicenseStatus.Revoked)]
    public async Task UpdateAsync_AllowedTransition_ChangesStatusAndBumpsVersion(LicenseStatus from, LicenseStatus to)
    {
        await using var sut = new TestServices();
        var license = await InStatus(sut, from);
        sut.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Status = to });

        result.Value!.Status.Should().Be(to);
        result.Value.Version.Should().Be(license.Version + 1);
        result.Value.UpdatedAt.Should().Be(TestServices.Start.AddMinutes(1));
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(result.Value with { Key = string.Empty });
    }

    [TestCase(LicenseStatus.Revoked, LicenseStatus.Active)]
    [TestCase(LicenseStatus.Revoked, LicenseStatus.Disabled)]
    public async Task UpdateAsync_OutOfRevoked_ReturnsInvalidTransitionAndChangesNothing(LicenseStatus from, LicenseStatus to)
    {
        await using var sut = new TestServices();
        var license = await InStatus(sut, from);

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Status = to });

        result.Error!.Code.Should().Be(LicenseErrorCodes.InvalidStatusTransition);
        result.Error.Field.Should().Be("status");
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(license with { Key = string.Empty });
    }

    [TestCase(LicenseStatus.Active)]
    [TestCase(LicenseStatus.Disabled)]
    [TestCase(LicenseStatus.Revoked)]
    public async Task UpdateAsync_ToSameStatus_WritesNothing(LicenseStatus status)
    {
        await using var sut = new TestServices();
        var license = await InStatus(sut, status);
        sut.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Status = status });

        result.Value.Should().Be(license with { Key = string.Empty });
    }

    [Test]
    public async Task ConvenienceMethods_DisableEnableRevokeArchive()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        (await sut.Manager.DisableAsync(license.Id)).Value!.Status.Should().Be(LicenseStatus.Disabled);
        (await sut.Manager.EnableAsync(license.Id)).Value!.Status.Should().Be(LicenseStatus.Active);
        (await sut.Manager.SetArchivedAsync(license.Id, true)).Value!.Archived.Should().BeTrue();
        (await sut.Manager.SetArchivedAsync(license.Id, false)).Value!.Archived.Should().BeFalse();
        (await sut.Manager.RevokeAsync(license.Id)).Value!.Status.Should().Be(LicenseStatus.Revoked);
        (await sut.Manager.EnableAsync(license.Id)).Error!.Code.Should().Be(LicenseErrorCodes.InvalidStatusTransition);
    }

    [Test]
    public async Task UpdateAsync_SetsEveryField()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        sut.Time.Advance(TimeSpan.FromHours(2));

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate
        {
            ActivationsLimit = 10,
            DurationHours = 48,
            ActivationMessage = "Welcome aboard",
            Metadata = new Dictionary<string, string> { ["tier"] = "gold" },
        });

        var updated = result.Value!;
        updated.ActivationsLimit.Should().Be(10);
        updated.DurationHours.Should().Be(48);
        updated.ExpiresAt.Should().Be(license.CreatedAt.AddHours(48));
        updated.ActivationMessage.Should().Be("Welcome aboard");
        updated.Metadata.Should().Equal(new Dictionary<string, string> { ["tier"] = "gold" });
        updated.UpdatedAt.Should().Be(TestServices.Start.AddHours(2));
        updated.CreatedAt.Should().Be(license.CreatedAt);
    }

    [Test]
    public async Task UpdateAsync_WithNulls_ClearsLimitExpiryMessageAndMetadata()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationMessage = "hi", Metadata = new Dictionary<string, string> { ["a"] = "b" } });

        var updated = (await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate
        {
            ActivationsLimit = new Optional<int?>(null),
            ExpiresAt = new Optional<DateTimeOffset?>(null),
            ActivationMessage = new Optional<string?>(null),
            Metadata = new Optional<IReadOnlyDictionary<string, string>?>(null),
        })).Value!;

        updated.ActivationsLimit.Should().BeNull();
        updated.ExpiresAt.Should().BeNull();
        updated.DurationHours.Should().BeNull();
        updated.ActivationMessage.Should().BeNull();
        updated.Metadata.Should().BeNull();
    }

    [Test]
    public async Task UpdateAsync_WithAbsoluteExpiry_SetsItAndClearsDuration()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var expiry = TestServices.Start.AddDays(3).AddTicks(1234);

        var updated = (await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ExpiresAt = expiry })).Value!;

        updated.ExpiresAt.Should().Be(TestServices.Start.AddDays(3));
        updated.DurationHours.Should().BeNull();
    }

    [Test]
    public async Task UpdateAsync_WithExpiryBeforeCreation_IsRefused()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ExpiresAt = TestServices.Start.AddSeconds(-1) });

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.FieldOutOfRange && e.Field == "expires_at");
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(license with { Key = string.Empty });
    }

    [Test]
    public async Task UpdateAsync_WithExpiryAndDuration_IsRefusedAsConflict()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ExpiresAt = TestServices.Start.AddDays(1), DurationHours = 5 });

        result.Error!.Code.Should().Be(LicenseErrorCodes.FieldsConflict);
    }

    [TestCase(-1, LicenseErrorCodes.FieldOutOfRange, "activations_limit")]
    public async Task UpdateAsync_WithInvalidLimit_IsRefused(int limit, string code, string field)
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationsLimit = limit });

        result.Error!.Should().Match<LicenseError>(e => e.Code == code && e.Field == field);
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(license with { Key = string.Empty });
    }

    [Test]
    public async Task UpdateAsync_WithOverlongMessageAndMetadata_ReportsBothFields()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate
        {
            ActivationMessage = new string('m', 2501),
            Metadata = new Dictionary<string, string> { ["k"] = new string('v', 501) },
            DurationHours = 0,
        });

        result.Errors.Select(e => e.Field).Should().BeEquivalentTo("duration_hours", "activation_message", "metadata");
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(license with { Key = string.Empty });
    }

    [Test]
    public async Task UpdateAsync_LimitBelowLiveInstances_ReturnsItsOwnCode()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a" });
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "b" });
        var before = await sut.Manager.FindByIdAsync(license.Id);

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationsLimit = 1 });

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.ActivationLimitLessThanCurrentAmount && e.Field == "activations_limit");
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(before);
        (await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationsLimit = 2 })).Value!.ActivationsLimit.Should().Be(2);
    }

    [Test]
    public async Task UpdateAsync_ThatChangesNothing_KeepsUpdatedAtAndVersion()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        sut.Time.Advance(TimeSpan.FromDays(1));

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationsLimit = 3, Archived = false });

        result.Value.Should().Be(license with { Key = string.Empty });
        (await sut.Manager.FindByIdAsync(license.Id))!.UpdatedAt.Should().Be(TestServices.Start);
    }

    [Test]
    public async Task UpdateAsync_UnknownLicense_ReturnsNotFound()
    {
        await using var sut = new TestServices();

        var result = await sut.Manager.UpdateAsync("lic_missing", new LicenseUpdate { Archived = true });

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.LicenseNotFound && e.Field == "id");
    }

    [Test]
    public async Task UpdateAsync_WithStaleExpectedVersion_ReturnsConcurrencyConflict()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = "first" });

        var result = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = "second" }, expectedVersion: license.Version);

        result.Error!.Code.Should().Be(LicenseErrorCodes.ConcurrencyConflict);
        (await sut.Manager.FindByIdAsync(license.Id))!.ActivationMessage.Should().Be("first");
    }

    [Test]
    public async Task UpdateAsync_TwoRacingUpdatesOnOneVersion_OneWinsOneConflictsNothingLost()
    {
        await using var sut = new TestServices();
        for (var round = 0; round < 50; round++)
        {
            var license = await sut.IssueAsync();
            var start = new TaskCompletionSource();
            var updates = new[] { "left", "right" }.Select(message => Task.Run(async () =>
            {
                await start.Task;
                return await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { ActivationMessage = message }, expectedVersion: license.Version);
            })).ToArray();

            start.SetResult();
            var results = await Task.WhenAll(updates);

            results.Count(r => r.Succeeded).Should().Be(1);
            results.Single(r => !r.Succeeded).Error!.Code.Should().Be(LicenseErrorCodes.ConcurrencyConflict);
            var stored = await sut.Manager.FindByIdAsync(license.Id);
            stored.Should().Be(results.Single(r => r.Succeeded).Value);
            stored!.Version.Should().Be(2);
        }
    }

    [Test]
    public async Task UpdateAsync_ManyParallelUpdatesWithoutExpectedVersion_AllApplyInSomeOrder()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var results = new ConcurrentBag<LicenseResult<License>>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            results.Add(await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Metadata = new Dictionary<string, string> { ["n"] = $"{i}" } }, cancellationToken: ct)));

        var stored = (await sut.Manager.FindByIdAsync(license.Id))!;
        var succeeded = results.Where(r => r.Succeeded).ToList();
        stored.Version.Should().Be(1 + succeeded.Count);
        results.Should().OnlyContain(r => r.Succeeded, "an update without an expected version lands or is refused by a rule, never by contention");
        succeeded.Select(r => r.Value!.Version).Should().OnlyHaveUniqueItems();
        stored.Should().Be(succeeded.MaxBy(r => r.Value!.Version)!.Value);
    }

    [Test]
    public async Task FindByKeyAsync_ToleratesWhitespaceAndLowerCase()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        (await sut.Manager.FindByKeyAsync($"  {license.Key.ToLowerInvariant()}\n")).Should().Be(license);
        (await sut.Manager.FindByKeyAsync("")).Should().BeNull();
    }

    [Test]
    public async Task ListAsync_PagesNewestFirstWithCursorAndLeavesOutArchived()
    {
        await using var sut = new TestServices();
        var issued = new List<License>();
        for (var i = 0; i < 7; i++)
        {
            issued.Add(await sut.IssueAsync());
            sut.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await sut.Manager.SetArchivedAsync(issued[3].Id, true);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await sut.Manager.ListAsync(new LicenseQuery { PageSize = 2, Cursor = cursor })).Value!;
            seen.AddRange(page.Items.Select(l => l.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        seen.Should().Equal(issued.Select(l => l.Id).Reverse().Where(id => id != issued[3].Id));
        pages.Should().Be(3);
        (await sut.Manager.ListAsync(new LicenseQuery { Archived = true })).Value!.Items.Should().ContainSingle().Which.Id.Should().Be(issued[3].Id);
        (await sut.Manager.ListAsync(new LicenseQuery { Archived = null })).Value!.Items.Should().HaveCount(7);
    }

    [Test]
    public async Task ListAsync_FiltersByProductCustomerStatusAndCreationRange()
    {
        await using var sut = new TestServices();
        var a = await sut.IssueAsync(TestServices.SeedRequest() with { ProductId = "prod_a", CustomerId = "cust_1" });
        sut.Time.Advance(TimeSpan.FromHours(1));
        var b = await sut.IssueAsync(TestServices.SeedRequest() with { ProductId = "prod_b", CustomerId = "cust_1" });
        sut.Time.Advance(TimeSpan.FromHours(1));
        var c = await sut.IssueAsync(TestServices.SeedRequest() with { ProductId = "prod_a", CustomerId = "cust_2" });
        await sut.Manager.DisableAsync(c.Id);

        async Task<IEnumerable<string>> Ids(LicenseQuery q) => (await sut.Manager.ListAsync(q)).Value!.Items.Select(l => l.Id);

        (await Ids(new LicenseQuery { ProductId = "prod_a" })).Should().Equal(c.Id, a.Id);
        (await Ids(new LicenseQuery { CustomerId = "cust_1" })).Should().Equal(b.Id, a.Id);
        (await Ids(new LicenseQuery { Status = LicenseStatus.Disabled })).Should().Equal(c.Id);
        (await Ids(new LicenseQuery { CreatedFrom = b.CreatedAt })).Should().Equal(c.Id, b.Id);
        (await Ids(new LicenseQuery { CreatedBefore = b.CreatedAt })).Should().Equal(a.Id);
    }

    [TestCase(0)]
    [TestCase(101)]
    public async Task ListAsync_WithPageSizeOutOfRange_IsRefused(int pageSize)
    {
        await using var sut = new TestServices();

        var result = await sut.Manager.ListAsync(new LicenseQuery { PageSize = pageSize });

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.FieldOutOfRange && e.Field == "page_size");
    }

    [TestCase("not-a-cursor!")]
    [TestCase("djF8YWJjfGxpY18x")] // "v1|abc|lic_1": a non-numeric time
    [TestCase("")]
    public async Task ListAsync_WithForeignCursor_ReturnsInvalidCursor(string cursor)
    {
        await using var sut = new TestServices();

        var result = await sut.Manager.ListAsync(new LicenseQuery { Cursor = cursor });

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.InvalidCursor && e.Field == "cursor");
    }

    [Test]
    public async Task ListInstancesAsync_ReturnsLiveInstancesOldestFirst()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var first = (await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "one" })).Value!.Instance;
        sut.Time.Advance(TimeSpan.FromSeconds(1));
        var second = (await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "two" })).Value!.Instance;
        sut.Time.Advance(TimeSpan.FromSeconds(1));
        var third = (await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "three" })).Value!.Instance;
        await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = second.Id });

        var instances = (await sut.Manager.ListInstancesAsync(license.Id)).Value!;

        instances.Should().Equal(first, third);
        (await sut.Manager.ListInstancesAsync("lic_missing")).Error!.Code.Should().Be(LicenseErrorCodes.LicenseNotFound);
    }
}
