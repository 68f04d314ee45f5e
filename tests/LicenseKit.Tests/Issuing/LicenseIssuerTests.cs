using System.Collections.Concurrent;
using LicenseKit.Stores;
using LicenseKit.Testing;

namespace LicenseKit.Tests.Issuing;

public class LicenseIssuerTests
{
    [Test]
    public async Task IssueAsync_WithSeedRequest_ReturnsActiveLicenseWithSeedFields()
    {
        await using var sut = new TestServices();

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest() with
        {
            PaymentId = "pay_3r2FgHXp9",
            ActivationMessage = "Thank you! Your license is now active.",
            Metadata = new Dictionary<string, string> { ["plan"] = "pro" },
        });

        result.Succeeded.Should().BeTrue();
        var license = result.Value!;
        license.Id.Should().MatchRegex("^lic_[0-9A-Za-z]{16}$");
        license.Key.Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$");
        license.Status.Should().Be(LicenseStatus.Active);
        license.BusinessId.Should().Be("biz_345TUESrCDPvrb");
        license.ProductId.Should().Be("prod_hyQQhhNzfEuvv");
        license.CustomerId.Should().Be("cust_3r2FgHXp9");
        license.PaymentId.Should().Be("pay_3r2FgHXp9");
        license.ActivationsLimit.Should().Be(3);
        license.ActivationMessage.Should().Be("Thank you! Your license is now active.");
        license.InstancesCount.Should().Be(0);
        license.DurationHours.Should().Be(720);
        license.CreatedAt.Should().Be(TestServices.Start);
        license.UpdatedAt.Should().Be(TestServices.Start);
        license.ExpiresAt.Should().Be(TestServices.Start.AddHours(720));
        license.Metadata.Should().Equal(new Dictionary<string, string> { ["plan"] = "pro" });
        license.Archived.Should().BeFalse();
        license.Version.Should().Be(1);
        (await sut.AllLicensesAsync()).Should().ContainSingle().Which.Should().Be(license with { Key = string.Empty });
    }

    [Test]
    public async Task IssueAsync_WithoutDuration_NeverExpires()
    {
        await using var sut = new TestServices();

        var license = await sut.IssueAsync(TestServices.SeedRequest() with { DurationHours = null, ActivationsLimit = null });

        license.ExpiresAt.Should().BeNull();
        license.DurationHours.Should().BeNull();
        license.ActivationsLimit.Should().BeNull();
    }

    [Test]
    public async Task IssueAsync_TruncatesCreationTimeToMilliseconds()
    {
        await using var sut = new TestServices();
        sut.Time.Advance(TimeSpan.FromTicks(4_321)); // 0.4321 ms past the start

        var license = await sut.IssueAsync();

        license.CreatedAt.Should().Be(TestServices.Start);
        license.ExpiresAt.Should().Be(TestServices.Start.AddHours(720));
    }

    [Test]
    public async Task IssueAsync_WithMaximumDuration_ExpiresHundredYearsLater()
    {
        await using var sut = new TestServices();

        var license = await sut.IssueAsync(TestServices.SeedRequest() with { DurationHours = LicenseLimits.MaxDurationHours });

        license.ExpiresAt.Should().Be(TestServices.Start.AddHours(876_600));
    }

    [Test]
    public async Task IssueAsync_WithNullRequest_Throws()
    {
        await using var sut = new TestServices();

        var act = () => sut.Issuer.IssueAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
    }

    private static IEnumerable<TestCaseData> InvalidRequests()
    {
        var seed = TestServices.SeedRequest();
        TestCaseData Case(string name, IssueLicenseRequest request, string code, string field) =>
            new TestCaseData(request, code, field).SetName($"IssueAsync_With{name}_Returns{code}_For_{field}");

        yield return Case("EmptyProductId", seed with { ProductId = "" }, LicenseErrorCodes.FieldRequired, "product_id");
        yield return Case("BlankProductId", seed with { ProductId = "   " }, LicenseErrorCodes.FieldRequired, "product_id");
        yield return Case("NullProductId", seed with { ProductId = null! }, LicenseErrorCodes.FieldRequired, "product_id");
        yield return Case("LongProductId", seed with { ProductId = new string('p', 129) }, LicenseErrorCodes.FieldTooLong, "product_id");
        yield return Case("ControlCharProductId", seed with { ProductId = "prod_\u0001x" }, LicenseErrorCodes.FieldInvalidCharacters, "product_id");
        yield return Case("NewlineProductId", seed with { ProductId = "prod\nx" }, LicenseErrorCodes.FieldInvalidCharacters, "product_id");
        yield return Case("LoneSurrogateProductId", seed with { ProductId = "prod_\ud800" }, LicenseErrorCodes.FieldInvalidCharacters, "product_id");
        yield return Case("EmptyCustomerId", seed with { CustomerId = "" }, LicenseErrorCodes.FieldRequired, "customer_id");
        yield return Case("LongCustomerId", seed with { CustomerId = new string('c', 129) }, LicenseErrorCodes.FieldTooLong, "customer_id");
        yield return Case("ControlCharCustomerId", seed with { CustomerId = "cust\u007f" }, LicenseErrorCodes.FieldInvalidCharacters, "customer_id");
        yield return Case("BlankPaymentId", seed with { PaymentId = " " }, LicenseErrorCodes.FieldRequired, "payment_id");
        yield return Case("LongPaymentId", seed with { PaymentId = new string('x', 129) }, LicenseErrorCodes.FieldTooLong, "payment_id");
        yield return Case("NegativeLimit", seed with { ActivationsLimit = -1 }, LicenseErrorCodes.FieldOutOfRange, "activations_limit");
        yield return Case("HugeLimit", seed with { ActivationsLimit = int.MaxValue }, LicenseErrorCodes.FieldOutOfRange, "activations_limit");
        yield return Case("ZeroDuration", seed with { DurationHours = 0 }, LicenseErrorCodes.FieldOutOfRange, "duration_hours");
        yield return Case("NegativeDuration", seed with { DurationHours = -5 }, LicenseErrorCodes.FieldOutOfRange, "duration_hours");
        yield return Case("OverflowingDuration", seed with { DurationHours = int.MaxValue }, LicenseErrorCodes.FieldOutOfRange, "duration_hours");
        yield return Case("DurationOverHundredYears", seed with { DurationHours = LicenseLimits.MaxDurationHours + 1 }, LicenseErrorCodes.FieldOutOfRange, "duration_hours");
        yield return Case("EmptyKey", seed with { Key = "" }, LicenseErrorCodes.FieldRequired, "key");
        yield return Case("WhitespaceKey", seed with { Key = " \t " }, LicenseErrorCodes.FieldRequired, "key");
        yield return Case("LongKey", seed with { Key = new string('K', 129) }, LicenseErrorCodes.FieldTooLong, "key");
        yield return Case("ControlCharKey", seed with { Key = "AB\u0000CD" }, LicenseErrorCodes.FieldInvalidCharacters, "key");
        yield return Case("LongActivationMessage", seed with { ActivationMessage = new string('m', 2501) }, LicenseErrorCodes.FieldTooLong, "activation_message");
        yield return Case("ControlCharActivationMessage", seed with { ActivationMessage = "hi\u0007" }, LicenseErrorCodes.FieldInvalidCharacters, "activation_message");
        yield return Case("TooManyMetadataEntries", seed with { Metadata = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v") }, LicenseErrorCodes.MetadataTooManyEntries, "metadata");
        yield return Case("LongMetadataKey", seed with { Metadata = new Dictionary<string, string> { [new string('k', 41)] = "v" } }, LicenseErrorCodes.FieldTooLong, "metadata");
        yield return Case("EmptyMetadataKey", seed with { Metadata = new Dictionary<string, string> { [""] = "v" } }, LicenseErrorCodes.FieldRequired, "metadata");
        yield return Case("LongMetadataValue", seed with { Metadata = new Dictionary<string, string> { ["k"] = new string('v', 501) } }, LicenseErrorCodes.FieldTooLong, "metadata");
        yield return Case("NullMetadataValue", seed with { Metadata = new Dictionary<string, string> { ["k"] = null! } }, LicenseErrorCodes.FieldRequired, "metadata");
        yield return Case("ControlCharMetadataValue", seed with { Metadata = new Dictionary<string, string> { ["k"] = "a\u0002" } }, LicenseErrorCodes.FieldInvalidCharacters, "metadata");
        yield return Case("LongIdempotencyKey", seed with { IdempotencyKey = new string('i', 256) }, LicenseErrorCodes.FieldTooLong, "idempotency_key");
        yield return Case("BlankIdempotencyKey", seed with { IdempotencyKey = "  " }, LicenseErrorCodes.FieldRequired, "idempotency_key");
    }

    [TestCaseSource(nameof(InvalidRequests))]
    public async Task IssueAsync_WithInvalidField_ReturnsTypedErrorAndStoresNothing(IssueLicenseRequest request, string code, string field)
    {
        var events = new RecordingEventHandler();
        await using var observed = new TestServices(b => b.AddEventHandler(events));

        var result = await observed.Issuer.IssueAsync(request);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Match<LicenseError>(e => e.Code == code && e.Field == field && e.Description.Length > 0);
        (await observed.AllLicensesAsync()).Should().BeEmpty();
        (await observed.DeliverEventsAsync()).Should().Be(0);
        events.Events.Should().BeEmpty();
    }

    [Test]
    public async Task IssueAsync_WithSeveralInvalidFields_ReportsEveryField()
    {
        await using var sut = new TestServices();

        var result = await sut.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "", CustomerId = "", ActivationsLimit = -1, DurationHours = 0 });

        result.Errors.Select(e => e.Field).Should().Equal("product_id", "customer_id", "activations_limit", "duration_hours");
    }

    [Test]
    public async Task IssueAsync_WithZeroActivationsLimit_IsAccepted()
    {
        await using var sut = new TestServices();

        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 0 });

        license.ActivationsLimit.Should().Be(0);
    }

    [Test]
    public async Task IssueAsync_WithCustomKey_TrimsAndKeepsCase()
    {
        await using var sut = new TestServices();

        var license = await sut.IssueAsync(TestServices.SeedRequest("  A184-99c2-8CBE "));

        license.Key.Should().Be("A184-99c2-8CBE");
    }

    [Test]
    public async Task IssueAsync_WithCustomKeyAlreadyTaken_ReturnsDuplicateKey()
    {
        await using var sut = new TestServices();
        var first = await sut.IssueAsync(TestServices.SeedRequest("A184-99C2-8CBE"));

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest(" a184-99c2-8cbe"));

        result.Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey);
        result.Error.Field.Should().Be("key");
        (await sut.AllLicensesAsync()).Should().ContainSingle().Which.Should().Be(first with { Key = string.Empty });
    }

    [Test]
    public async Task IssueAsync_WithSameCustomKeyInAnotherBusiness_Succeeds()
    {
        var store = new InMemoryLicenseStore();
        await using var acme = new TestServices(b => b.UseStore(store), businessId: "biz_acme");
        await using var globex = new TestServices(b => b.UseStore(store), businessId: "biz_globex");

        var a = await acme.IssueAsync(TestServices.SeedRequest("SHARED-KEY-0001"));
        var g = await globex.IssueAsync(TestServices.SeedRequest("SHARED-KEY-0001"));

        a.Id.Should().NotBe(g.Id);
    }

    [Test]
    public async Task IssueAsync_WhenGeneratedKeyCollides_RegeneratesKey()
    {
        var generator = new SequentialKeyGenerator().RepeatEachKey(2); // TEST-0001, TEST-0001, TEST-0002, …
        await using var sut = new TestServices(b => b.UseKeyGenerator(generator));

        var first = await sut.IssueAsync();
        var second = await sut.IssueAsync();

        first.Key.Should().Be("TEST-0001");
        second.Key.Should().Be("TEST-0002");
    }

    [Test]
    public async Task IssueAsync_WhenEveryGeneratedKeyCollides_ReturnsKeyGenerationFailedAfterBoundedAttempts()
    {
        var generator = new ConstantKeyGenerator("SAME-KEY");
        await using var sut = new TestServices(b => b.UseKeyGenerator(generator));
        await sut.IssueAsync();
        generator.Calls = 0;

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest());

        result.Error!.Code.Should().Be(LicenseErrorCodes.KeyGenerationFailed);
        generator.Calls.Should().Be(8);
        (await sut.AllLicensesAsync()).Should().HaveCount(1);
    }

    [Test]
    public async Task IssueAsync_With64ParallelIssuesOfOneCustomKey_IssuesExactlyOne()
    {
        await using var sut = new TestServices();
        var results = new ConcurrentBag<LicenseResult<License>>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            results.Add(await sut.Issuer.IssueAsync(TestServices.SeedRequest(i % 2 == 0 ? "RACE-KEY-0001" : "race-key-0001 "), ct)));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().AllSatisfy(r => r.Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey));
        (await sut.AllLicensesAsync()).Should().ContainSingle();
    }

    [Test]
    public async Task IssueAsync_RetriedWithSameIdempotencyKey_ReturnsSameLicenseAndIssuesNothingNew()
    {
        var events = new RecordingEventHandler();
        await using var sut = new TestServices(b => b.AddEventHandler(events));
        var request = TestServices.SeedRequest() with { IdempotencyKey = "order-1001", Metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };

        var first = await sut.Issuer.IssueAsync(request);
        sut.Time.Advance(TimeSpan.FromMinutes(5));
        var retry = await sut.Issuer.IssueAsync(request with { Metadata = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } });

        retry.Value.Should().Be(first.Value! with { Key = string.Empty }, "a generated key is shown once when keys are not stored");
        (await sut.AllLicensesAsync()).Should().ContainSingle();
        await sut.DeliverEventsAsync();
        events.Events.OfType<LicenseIssued>().Should().ContainSingle();
    }

    [Test]
    public async Task IssueAsync_WithIdempotencyKeyReusedForDifferentRequest_ReturnsConflict()
    {
        await using var sut = new TestServices();
        await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { IdempotencyKey = "order-1001" });

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { IdempotencyKey = "order-1001", ActivationsLimit = 5 });

        result.Error!.Code.Should().Be(LicenseErrorCodes.IdempotencyKeyConflict);
        result.Error.Field.Should().Be("idempotency_key");
        (await sut.AllLicensesAsync()).Should().ContainSingle().Which.ActivationsLimit.Should().Be(3);
    }

    [Test]
    public async Task IssueAsync_With32ParallelRetriesOfOneIdempotencyKey_IssuesOneLicense()
    {
        await using var sut = new TestServices();
        var request = TestServices.SeedRequest() with { IdempotencyKey = "retry-after-timeout" };
        var results = new ConcurrentBag<LicenseResult<License>>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 32), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) =>
            results.Add(await sut.Issuer.IssueAsync(request, ct)));

        results.Should().AllSatisfy(r => r.Succeeded.Should().BeTrue());
        results.Select(r => r.Value!.Id).Distinct().Should().ContainSingle();
        (await sut.AllLicensesAsync()).Should().ContainSingle();
    }

    [Test]
    public async Task IssueAsync_WithSameIdempotencyKeyInAnotherBusiness_IssuesSeparateLicense()
    {
        var store = new InMemoryLicenseStore();
        await using var acme = new TestServices(b => b.UseStore(store), businessId: "biz_acme");
        await using var globex = new TestServices(b => b.UseStore(store), businessId: "biz_globex");

        var a = await acme.IssueAsync(TestServices.SeedRequest() with { IdempotencyKey = "k1" });
        var g = await globex.IssueAsync(TestServices.SeedRequest() with { IdempotencyKey = "k1" });

        g.Id.Should().NotBe(a.Id);
        g.BusinessId.Should().Be("biz_globex");
    }

    [Test]
    public async Task LicensesOfOneBusiness_AreInvisibleToAnother()
    {
        var store = new InMemoryLicenseStore();
        await using var acme = new TestServices(b => b.UseStore(store), businessId: "biz_acme");
        await using var globex = new TestServices(b => b.UseStore(store), businessId: "biz_globex");
        var license = await acme.IssueAsync();

        (await globex.Manager.FindByIdAsync(license.Id)).Should().BeNull();
        (await globex.Manager.FindByKeyAsync(license.Key)).Should().BeNull();
        (await globex.Manager.ListAsync(new LicenseQuery())).Value!.Items.Should().BeEmpty();
        (await globex.Manager.DisableAsync(license.Id)).Error!.Code.Should().Be(LicenseErrorCodes.LicenseNotFound);
        (await globex.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key })).Code.Should().Be(LicenseValidationCode.NotFound);
        (await globex.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "x" })).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyNotFound);
        (await acme.Manager.FindByIdAsync(license.Id)).Should().Be(license with { Key = string.Empty });
    }

    private sealed class ConstantKeyGenerator(string key) : IKeyGenerator
    {
        public int Calls { get; set; }

        public string GenerateKey(in KeyGenerationContext context)
        {
            Calls++;
            return key;
        }
    }
}
