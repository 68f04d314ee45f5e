using System.Net;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class EntitlementEndpointsTests
{
    private TestApi _api = null!;

    [SetUp]
    public async Task SetUp() => _api = await StartAsync(services => services.Configure<LicenseKitOptions>(o =>
        o.Products["prod_pro"] = new LicensePolicyOptions { ActivationsLimit = 5, DurationHours = 720, Entitlements = ["sso", "export-pdf"] }));

    [TearDown]
    public async Task TearDown() => await _api.DisposeAsync();

    [Test]
    public async Task PostLicenses_OmittingLimitAndDuration_TakesThePolicyDefaultsAndKeepsTheOwnEntitlements()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_pro","customer_id":"c","entitlements":["api","audit-log"]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var license = await response.ReadJsonAsync();
        license.GetProperty("activations_limit").GetInt32().Should().Be(5);
        license.GetProperty("duration_hours").GetInt32().Should().Be(720);
        license.GetProperty("expires_at").GetString().Should().Be("2026-06-10T01:12:25.764Z");
        license.GetProperty("entitlements").EnumerateArray().Select(e => e.GetString()).Should().Equal("api", "audit-log");
        license.EnumerateObject().Last().Name.Should().Be("entitlements");
    }

    [Test]
    public async Task PostLicenses_WithoutEntitlements_AnswersTheSixteenFields()
    {
        var response = await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_other","customer_id":"c"}"""));

        var license = await response.ReadJsonAsync();
        license.EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "key", "status", "business_id", "product_id", "payment_id", "customer_id", "activations_limit", "activation_message",
            "instances_count", "duration_hours", "expires_at", "metadata", "archived", "created_at", "updated_at");
        license.GetProperty("activations_limit").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [TestCase("""["no spaces"]""", "FIELD_INVALID_CHARACTERS")]
    [TestCase("""[1]""", "FIELD_INVALID_TYPE")]
    [TestCase("\"sso\"", "FIELD_INVALID_TYPE")]
    public async Task PostLicenses_WithBadEntitlements_Answers400NamingTheFieldAndWritesNothing(string entitlements, string code)
    {
        var before = await _api.SnapshotAsync(BusinessA);

        var response = await _api.Admin.PostAsync("/licenses", Json($$"""{"product_id":"prod_pro","customer_id":"c","entitlements":{{entitlements}}}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.Errors().Should().Equal((code, "entitlements"));
        (await _api.SnapshotAsync(BusinessA)).Should().Be(before);
    }

    [Test]
    public async Task PostLicenses_WithTooManyEntitlements_Answers400()
    {
        var names = string.Join(',', Enumerable.Range(0, LicenseLimits.MaxEntitlements + 1).Select(i => $"\"f{i}\""));

        var response = await _api.Admin.PostAsync("/licenses", Json($$"""{"product_id":"prod_pro","customer_id":"c","entitlements":[{{names}}]}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "ENTITLEMENTS_TOO_MANY");
    }

    [Test]
    public async Task PatchLicense_ReplacesAndClearsTheOwnEntitlements()
    {
        var id = (await (await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_pro","customer_id":"c","entitlements":["api"]}"""))).ReadJsonAsync()).GetProperty("id").GetString();

        var replaced = await (await _api.Admin.PatchAsync($"/licenses/{id}", MergePatch("""{"entitlements":["audit-log"]}"""))).ReadJsonAsync();
        var cleared = await (await _api.Admin.PatchAsync($"/licenses/{id}", MergePatch("""{"entitlements":null}"""))).ReadJsonAsync();

        replaced.GetProperty("entitlements").EnumerateArray().Select(e => e.GetString()).Should().Equal("audit-log");
        cleared.TryGetProperty("entitlements", out _).Should().BeFalse();
    }

    [Test]
    public async Task PostValidate_RequiringEntitlements_AnswersValidOrEntitlementMissingWithWhatTheLicenseGrants()
    {
        var key = (await (await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_pro","customer_id":"c","entitlements":["api"]}"""))).ReadJsonAsync()).GetProperty("key").GetString();

        var granted = await (await _api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{key}}","entitlements":["sso","api"]}"""))).ReadJsonAsync();
        var missing = await (await _api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{key}}","entitlements":["audit-log"]}"""))).ReadJsonAsync();

        granted.GetProperty("valid").GetBoolean().Should().BeTrue();
        granted.GetProperty("code").GetString().Should().Be("VALID");
        granted.GetProperty("entitlements").EnumerateArray().Select(e => e.GetString()).Should().Equal("api", "export-pdf", "sso");
        missing.GetProperty("valid").GetBoolean().Should().BeFalse();
        missing.GetProperty("code").GetString().Should().Be("ENTITLEMENT_MISSING");
        missing.GetProperty("entitlements").GetArrayLength().Should().Be(3);
    }

    [Test]
    public async Task PostValidate_OfALicenseGrantingNothing_HasNoEntitlementsMember()
    {
        var key = (await (await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_other","customer_id":"c"}"""))).ReadJsonAsync()).GetProperty("key").GetString();

        var result = await (await _api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{key}}"}"""))).ReadJsonAsync();

        result.EnumerateObject().Select(p => p.Name).Should().Equal("valid", "code", "license");
    }

    [Test]
    public async Task OpenApiDocument_DescribesEntitlementsOnCreatePatchAndValidate()
    {
        using var anonymous = _api.CreateClient(null);

        var paths = (await (await anonymous.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        foreach (var (path, method, mediaType) in new[] { ("/licenses", "post", "application/json"), ("/licenses/{id}", "patch", "application/merge-patch+json"), ("/licenses/validate", "post", "application/json") })
        {
            var schema = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty(mediaType)
                .GetProperty("schema").GetProperty("properties").GetProperty("entitlements");
            schema.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Should().BeEquivalentTo(["array", "null"]);
            schema.GetProperty("maxItems").GetInt32().Should().Be(LicenseLimits.MaxEntitlements);
            schema.GetProperty("items").GetProperty("maxLength").GetInt32().Should().Be(LicenseLimits.MaxEntitlementNameLength);
        }
    }

    private static StringContent MergePatch(string json) => new(json, System.Text.Encoding.UTF8, "application/merge-patch+json");
}
