using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using LicenseKit.Stores;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class ManagementEndpointsTests
{
    private const string SeedExample = """{"product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","activations_limit":3,"duration_hours":720}""";

    private static readonly string[] SeedFields =
    [
        "id", "key", "status", "business_id", "product_id", "payment_id", "customer_id", "activations_limit",
        "activation_message", "instances_count", "duration_hours", "expires_at", "metadata", "archived", "created_at", "updated_at",
    ];

    private TestApi _api = null!;

    [SetUp]
    public async Task SetUp() => _api = await StartAsync();

    [TearDown]
    public async Task TearDown() => await _api.DisposeAsync();

    [Test]
    public async Task PostLicenses_WithSeedExample_Returns201WithSeedFormat()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json(SeedExample));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var license = await response.ReadJsonAsync();
        license.EnumerateObject().Select(p => p.Name).Should().Equal(SeedFields);
        license.GetProperty("id").GetString().Should().StartWith("lic_");
        license.GetProperty("key").GetString().Should().Be("TEST-0001");
        license.GetProperty("status").GetString().Should().Be("ACTIVE");
        license.GetProperty("business_id").GetString().Should().Be(BusinessA);
        license.GetProperty("product_id").GetString().Should().Be("prod_hyQQhhNzfEuvv");
        license.GetProperty("payment_id").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("customer_id").GetString().Should().Be("cust_3r2FgHXp9");
        license.GetProperty("activations_limit").GetInt32().Should().Be(3);
        license.GetProperty("activation_message").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("instances_count").GetInt32().Should().Be(0);
        license.GetProperty("duration_hours").GetInt32().Should().Be(720);
        license.GetProperty("expires_at").GetString().Should().Be("2026-06-10T01:12:25.764Z");
        license.GetProperty("metadata").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("archived").GetBoolean().Should().BeFalse();
        license.GetProperty("created_at").GetString().Should().Be("2026-05-11T01:12:25.764Z");
        license.GetProperty("updated_at").GetString().Should().Be("2026-05-11T01:12:25.764Z");
        response.Headers.Location!.OriginalString.Should().Be($"/licenses/{license.GetProperty("id").GetString()}");
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
    }

    [Test]
    public async Task PostLicenses_WithAllOptionalFields_StoresThem()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json("""
            {"product_id":"prod_1","customer_id":"cust_1","key":" A184-99C2-8CBE ","payment_id":"pay_3r2FgHXp9",
             "activation_message":"Thank you! Your license is now active.","metadata":{"plan":"pro","seats":"3"}}
            """));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var license = await response.ReadJsonAsync();
        license.GetProperty("key").GetString().Should().Be("A184-99C2-8CBE");
        license.GetProperty("payment_id").GetString().Should().Be("pay_3r2FgHXp9");
        license.GetProperty("activation_message").GetString().Should().Be("Thank you! Your license is now active.");
        license.GetProperty("metadata").GetRawText().Should().Be("""{"plan":"pro","seats":"3"}""");
        license.GetProperty("activations_limit").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("expires_at").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task PostLicenses_RetriedWithSameIdempotencyKey_ReturnsSameLicenseAndIssuesOnlyOne()
    {
        var first = await PostWithIdempotencyKeyAsync(SeedExample, "order-1001");
        var retry = await PostWithIdempotencyKeyAsync(SeedExample, "order-1001");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await _api.Store.ListAsync(BusinessA, new LicenseKeysetQuery { Archived = null, Limit = 100 })).Should().HaveCount(1);
    }

    [Test]
    public async Task PostLicenses_ReplayedAfterAnActivation_AnswersTheFirstLicenseAsItIsNow()
    {
        var first = await (await PostWithIdempotencyKeyAsync(SeedExample, "order-1002")).ReadJsonAsync();
        var key = first.GetProperty("key").GetString();
        (await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{key}}","name":"laptop"}"""))).EnsureSuccessStatusCode();

        var replay = await PostWithIdempotencyKeyAsync(SeedExample, "order-1002");

        replay.StatusCode.Should().Be(HttpStatusCode.Created);
        var current = await replay.ReadJsonAsync();
        current.GetProperty("id").GetString().Should().Be(first.GetProperty("id").GetString());
        current.GetProperty("key").GetString().Should().Be(key);
        first.GetProperty("instances_count").GetInt32().Should().Be(0);
        current.GetProperty("instances_count").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task PostLicenses_WithIdempotencyKeyReusedForAnotherBody_Returns409IdempotencyConflict()
    {
        await PostWithIdempotencyKeyAsync(SeedExample, "order-1001");

        var response = await PostWithIdempotencyKeyAsync("""{"product_id":"prod_other","customer_id":"cust_3r2FgHXp9"}""", "order-1001");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, LicenseErrorCodes.IdempotencyKeyConflict);
        problem.Errors().Should().Equal((LicenseErrorCodes.IdempotencyKeyConflict, "idempotency_key"));
    }

    [Test]
    public async Task PostLicenses_WithCustomKeyAlreadyTaken_Returns409DuplicateKey()
    {
        await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"p","customer_id":"c","key":"A184-99C2-8CBE"}"""));

        var response = await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"p","customer_id":"c","key":"a184-99c2-8cbe"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, LicenseErrorCodes.DuplicateKey);
        problem.Errors().Should().Equal((LicenseErrorCodes.DuplicateKey, "key"));
    }

    [Test]
    public async Task PostLicenses_WithSeveralInvalidFields_Returns400ListingEveryField()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"  ","activations_limit":-1,"duration_hours":0,"payment_id":"pay\u0001"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldRequired);
        problem.Errors().Should().BeEquivalentTo(new (string?, string?)[]
        {
            (LicenseErrorCodes.FieldRequired, "product_id"),
            (LicenseErrorCodes.FieldRequired, "customer_id"),
            (LicenseErrorCodes.FieldInvalidCharacters, "payment_id"),
            (LicenseErrorCodes.FieldOutOfRange, "activations_limit"),
            (LicenseErrorCodes.FieldOutOfRange, "duration_hours"),
        });
        problem.GetProperty("instance").GetString().Should().Be("/licenses");
    }

    [Test]
    public async Task PostLicenses_WithWrongTypes_Returns400NamingEachField()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json("""{"product_id":5,"customer_id":"c","activations_limit":"3","duration_hours":99999999999999999999,"metadata":{"a":1}}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType);
        problem.Errors().Should().Equal(
            (LicenseHttpErrorCodes.FieldInvalidType, "product_id"),
            (LicenseHttpErrorCodes.FieldInvalidType, "activations_limit"),
            (LicenseErrorCodes.FieldOutOfRange, "duration_hours"),
            (LicenseHttpErrorCodes.FieldInvalidType, "metadata"));
    }

    [Test]
    public async Task PostLicenses_WithMisspeltField_Returns400UnknownField()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"p","customer_id":"c","activation_limit":3}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.UnknownField);
        problem.Errors().Should().Equal((LicenseHttpErrorCodes.UnknownField, "activation_limit"));
    }

    [Test]
    public async Task PostLicenses_WithoutBody_Returns400BodyRequired()
    {
        var response = await _api.Admin.PostAsync("/licenses", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.RequestBodyRequired);
    }

    [TestCase("{\"product_id\":\"p\",")]
    [TestCase("[1,2]")]
    [TestCase("{\"product_id\":\"p\",\"product_id\":\"q\",\"customer_id\":\"c\"}")]
    [TestCase("{\"product_id\":\"p\",\"customer_id\":\"c\",}")]
    public async Task PostLicenses_WithMalformedJson_Returns400InvalidJson(string body)
    {
        var response = await _api.Admin.PostAsync("/licenses", Json(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.InvalidJson);
    }

    [Test]
    public async Task PostLicenses_WithBodyOverTheLimit_Returns413RequestBodyTooLarge()
    {
        var body = $$"""{"product_id":"p","customer_id":"c","activation_message":"{{new string('x', LicenseKitHttpLimits.MaxRequestBodyBytes)}}"}""";

        var response = await _api.Admin.PostAsync("/licenses", Json(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, LicenseHttpErrorCodes.RequestBodyTooLarge);
    }

    [Test]
    public async Task PostLicenses_WithChunkedBodyOverTheLimit_Returns413RequestBodyTooLarge()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"product_id":"p","customer_id":"c","key":"{{new string('x', LicenseKitHttpLimits.MaxRequestBodyBytes)}}"}""")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/licenses") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _api.Admin.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, LicenseHttpErrorCodes.RequestBodyTooLarge);
    }

    [Test]
    public async Task PostLicenses_WithTextPlainBody_Returns415()
    {
        var response = await _api.Admin.PostAsync("/licenses", new StringContent(SeedExample, Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, LicenseHttpErrorCodes.UnsupportedMediaType);
        (await _api.SnapshotAsync(BusinessA)).Should().BeEmpty();
    }

    [Test]
    public async Task GetLicense_ById_Returns200WithETag()
    {
        var created = await CreateAsync(SeedExample);

        var response = await _api.Admin.GetAsync($"/licenses/{created.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        (await response.ReadJsonAsync()).GetRawText().Should().Be(created.Json.GetRawText());
    }

    [Test]
    public async Task GetLicense_WithIfNoneMatchOfCurrentVersion_Returns304UntilItChanges()
    {
        var created = await CreateAsync(SeedExample);

        var unchanged = await GetWithIfNoneMatchAsync(created.Id, "\"1\"");
        await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"activation_message":"changed"}"""));
        var changed = await GetWithIfNoneMatchAsync(created.Id, "\"1\"");

        unchanged.StatusCode.Should().Be(HttpStatusCode.NotModified);
        unchanged.Headers.ETag!.Tag.Should().Be("\"1\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.Should().Be("\"2\"");
    }

    [Test]
    public async Task GetLicense_WithUnknownId_Returns404LicenseNotFound()
    {
        var response = await _api.Admin.GetAsync("/licenses/lic_doesNotExist");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseNotFound);
        problem.Errors().Should().Equal((LicenseErrorCodes.LicenseNotFound, "id"));
    }

    [Test]
    public async Task GetLicense_OfAnotherBusiness_Returns404()
    {
        var created = await CreateAsync(SeedExample);
        using var other = _api.CreateClient($"{BusinessB} licenses:admin");

        var response = await other.GetAsync($"/licenses/{created.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseNotFound);
    }

    [Test]
    public async Task GetLicenses_FilteredByProduct_PagesNewestFirstWithCursor()
    {
        var ids = new List<string>();
        foreach (var product in new[] { "prod_a", "prod_b", "prod_a", "prod_a", "prod_b" })
        {
            ids.Add((await CreateAsync($$"""{"product_id":"{{product}}","customer_id":"c"}""")).Id);
            _api.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await (await _api.Admin.GetAsync("/licenses?product_id=prod_a&page_size=2")).ReadJsonAsync();
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await (await _api.Admin.GetAsync($"/licenses?product_id=prod_a&page_size=2&cursor={Uri.EscapeDataString(cursor!)}")).ReadJsonAsync();

        Ids(first).Should().Equal(ids[3], ids[2]);
        Ids(second).Should().Equal(ids[0]);
        second.GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null);
        first.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).Should().Equal(SeedFields);
    }

    [Test]
    public async Task GetLicenses_WithStatusCustomerArchivedAndCreatedFilters_ReturnsMatchesOnly()
    {
        var early = await CreateAsync("""{"product_id":"p","customer_id":"cust_1"}""");
        _api.Time.Advance(TimeSpan.FromHours(1));
        var disabled = await CreateAsync("""{"product_id":"p","customer_id":"cust_1"}""");
        var archived = await CreateAsync("""{"product_id":"p","customer_id":"cust_2"}""");
        await _api.Admin.PatchAsync($"/licenses/{disabled.Id}", Json("""{"status":"DISABLED"}"""));
        await _api.Admin.PatchAsync($"/licenses/{archived.Id}", Json("""{"archived":true}"""));

        Ids(await GetJsonAsync("/licenses?status=DISABLED")).Should().Equal(disabled.Id);
        Ids(await GetJsonAsync("/licenses?customer_id=cust_1")).Should().Equal(disabled.Id, early.Id);
        Ids(await GetJsonAsync("/licenses")).Should().Equal(disabled.Id, early.Id);
        Ids(await GetJsonAsync("/licenses?archived=true")).Should().Equal(archived.Id);
        Ids(await GetJsonAsync("/licenses?archived=all")).Should().HaveCount(3);
        Ids(await GetJsonAsync("/licenses?created_before=2026-05-11T02:00:00Z")).Should().Equal(early.Id);
        Ids(await GetJsonAsync("/licenses?created_from=2026-05-11T02:12:25.764Z&archived=all")).Should().BeEquivalentTo([disabled.Id, archived.Id]);
    }

    [Test]
    public async Task GetLicenses_WithInvalidQuery_Returns400ListingEveryParameter()
    {
        var response = await _api.Admin.GetAsync("/licenses?status=FOO&page_size=abc&created_from=yesterday&archived=maybe&sort=asc&cursor=bm9wZQ");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.UnknownField);
        problem.Errors().Select(e => e.Field).Should().BeEquivalentTo(["sort", "status", "archived", "created_from", "page_size"]);
    }

    [Test]
    public async Task GetLicenses_WithForeignCursorOrPageSizeOutOfRange_Returns400()
    {
        (await (await _api.Admin.GetAsync("/licenses?cursor=bm9wZQ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.InvalidCursor))
            .Errors().Should().Equal((LicenseErrorCodes.InvalidCursor, "cursor"));
        await (await _api.Admin.GetAsync("/licenses?page_size=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldOutOfRange);
    }

    [Test]
    public async Task GetLicenses_ShowsOnlyTheCallersBusiness()
    {
        await CreateAsync(SeedExample);
        using var other = _api.CreateClient($"{BusinessB} licenses:admin");

        var page = await (await other.GetAsync("/licenses?archived=all")).ReadJsonAsync();

        page.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task PatchLicense_WithMergePatch_ChangesPresentFieldsAndClearsNulls()
    {
        var created = await CreateAsync("""{"product_id":"p","customer_id":"c","activations_limit":3,"duration_hours":720,"metadata":{"plan":"pro"}}""");
        _api.Time.Advance(TimeSpan.FromMinutes(5));

        var response = await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"activation_message":"Welcome!","activations_limit":null,"metadata":null,"duration_hours":24}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
        var license = await response.ReadJsonAsync();
        license.GetProperty("activation_message").GetString().Should().Be("Welcome!");
        license.GetProperty("activations_limit").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("metadata").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("duration_hours").GetInt32().Should().Be(24);
        license.GetProperty("expires_at").GetString().Should().Be("2026-05-12T01:12:25.764Z");
        license.GetProperty("status").GetString().Should().Be("ACTIVE");
        license.GetProperty("customer_id").GetString().Should().Be("c");
        license.GetProperty("updated_at").GetString().Should().Be("2026-05-11T01:17:25.764Z");
    }

    [Test]
    public async Task PatchLicense_WithExpiresAtAndEmptyBody_SetsExpiryAndLeavesTheRest()
    {
        var created = await CreateAsync(SeedExample);

        var unchanged = await _api.Admin.PatchAsync($"/licenses/{created.Id}", new StringContent("{}", Encoding.UTF8, "application/merge-patch+json"));
        var changed = await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"expires_at":"2027-01-01T00:00:00Z","archived":true,"status":"DISABLED"}"""));

        unchanged.StatusCode.Should().Be(HttpStatusCode.OK);
        unchanged.Headers.ETag!.Tag.Should().Be("\"1\"");
        var license = await changed.ReadJsonAsync();
        license.GetProperty("expires_at").GetString().Should().Be("2027-01-01T00:00:00.000Z");
        license.GetProperty("duration_hours").ValueKind.Should().Be(JsonValueKind.Null);
        license.GetProperty("archived").GetBoolean().Should().BeTrue();
        license.GetProperty("status").GetString().Should().Be("DISABLED");
    }

    [Test]
    public async Task PatchLicense_WithCurrentIfMatch_Returns200AndWithStaleIfMatch_Returns412()
    {
        var created = await CreateAsync(SeedExample);

        var fresh = await PatchWithIfMatchAsync(created.Id, """{"activation_message":"first"}""", "\"1\"");
        var before = await _api.SnapshotAsync(BusinessA);
        var stale = await PatchWithIfMatchAsync(created.Id, """{"activation_message":"second"}""", "\"1\"");

        fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        fresh.Headers.ETag!.Tag.Should().Be("\"2\"");
        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, LicenseErrorCodes.ConcurrencyConflict);
        problem.Errors().Should().Equal((LicenseErrorCodes.ConcurrencyConflict, "version"));
        (await _api.SnapshotAsync(BusinessA)).Should().Be(before);
    }

    [TestCase("W/\"1\"")]
    [TestCase("\"abc\"")]
    [TestCase("garbage")]
    public async Task PatchLicense_WithUnusableIfMatch_Returns412(string ifMatch)
    {
        var created = await CreateAsync(SeedExample);

        var response = await PatchWithIfMatchAsync(created.Id, """{"activation_message":"x"}""", ifMatch);

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, LicenseErrorCodes.ConcurrencyConflict);
    }

    [Test]
    public async Task PatchLicense_WithIfMatchStar_AppliesTheChange()
    {
        var created = await CreateAsync(SeedExample);

        var response = await PatchWithIfMatchAsync(created.Id, """{"activation_message":"x"}""", "*");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task PatchLicense_FromRevokedToActive_Returns422InvalidStatusTransition()
    {
        var created = await CreateAsync(SeedExample);
        await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"status":"REVOKED"}"""));

        var response = await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"status":"ACTIVE"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, LicenseErrorCodes.InvalidStatusTransition);
        problem.Errors().Should().Equal((LicenseErrorCodes.InvalidStatusTransition, "status"));
    }

    [Test]
    public async Task PatchLicense_LoweringLimitBelowLiveInstances_Returns422()
    {
        var created = await CreateAsync(SeedExample);
        for (var i = 0; i < 2; i++)
        {
            (await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{created.Key}}","name":"pc-{{i}}"}"""))).EnsureSuccessStatusCode();
        }

        var response = await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"activations_limit":1}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, LicenseErrorCodes.ActivationLimitLessThanCurrentAmount);
    }

    [Test]
    public async Task PatchLicense_WithBadValues_Returns400ListingEachField()
    {
        var created = await CreateAsync(SeedExample);

        var response = await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"status":"PAUSED","archived":null,"expires_at":"next year","activations_limit":2.5,"colour":"red"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldOutOfRange);
        problem.Errors().Should().Equal(
            (LicenseErrorCodes.FieldOutOfRange, "status"),
            (LicenseHttpErrorCodes.FieldInvalidType, "archived"),
            (LicenseHttpErrorCodes.FieldInvalidType, "expires_at"),
            (LicenseHttpErrorCodes.FieldInvalidType, "activations_limit"),
            (LicenseHttpErrorCodes.UnknownField, "colour"));
    }

    [Test]
    public async Task PatchLicense_WithExpiresAtAndDurationHours_Returns400FieldsConflict()
    {
        var created = await CreateAsync(SeedExample);

        var response = await _api.Admin.PatchAsync($"/licenses/{created.Id}", Json("""{"expires_at":"2027-01-01T00:00:00Z","duration_hours":10}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldsConflict);
    }

    [Test]
    public async Task PatchLicense_OfAnotherBusiness_Returns404AndChangesNothing()
    {
        var created = await CreateAsync(SeedExample);
        var before = await _api.SnapshotAsync(BusinessA);
        using var other = _api.CreateClient($"{BusinessB} licenses:admin");

        var response = await other.PatchAsync($"/licenses/{created.Id}", Json("""{"status":"REVOKED"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseNotFound);
        (await _api.SnapshotAsync(BusinessA)).Should().Be(before);
    }

    [Test]
    public async Task GetInstances_ReturnsLiveInstancesOldestFirst()
    {
        var created = await CreateAsync(SeedExample);
        await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{created.Key}}","name":"laptop","fingerprint":"fp-1"}"""));
        _api.Time.Advance(TimeSpan.FromSeconds(1));
        await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{created.Key}}","name":"desktop"}"""));

        var response = await _api.Admin.GetAsync($"/licenses/{created.Id}/instances");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToArray();
        items.Select(i => i.GetProperty("name").GetString()).Should().Equal("laptop", "desktop");
        items[0].EnumerateObject().Select(p => p.Name).Should().Equal("id", "business_id", "license_key_id", "name", "fingerprint", "created_at");
        items[0].GetProperty("license_key_id").GetString().Should().Be(created.Id);
    }

    [Test]
    public async Task GetInstances_OfUnknownLicense_Returns404()
    {
        var response = await _api.Admin.GetAsync("/licenses/lic_nope/instances");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseNotFound);
    }

    private async Task<(string Id, string Key, JsonElement Json)> CreateAsync(string body)
    {
        var response = await _api.Admin.PostAsync("/licenses", Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.ReadJsonAsync();
        return (json.GetProperty("id").GetString()!, json.GetProperty("key").GetString()!, json);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _api.Admin.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static string?[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray();

    private Task<HttpResponseMessage> PostWithIdempotencyKeyAsync(string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/licenses") { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _api.Admin.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetWithIfNoneMatchAsync(string id, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/licenses/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return _api.Admin.SendAsync(request);
    }

    private Task<HttpResponseMessage> PatchWithIfMatchAsync(string id, string body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/licenses/{id}") { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _api.Admin.SendAsync(request);
    }
}
