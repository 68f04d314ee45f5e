using System.Net;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class ActivationEndpointsTests
{
    private TestApi _api = null!;

    [SetUp]
    public async Task SetUp() => _api = await StartAsync();

    [TearDown]
    public async Task TearDown() => await _api.DisposeAsync();

    [Test]
    public async Task PostActivate_WithValidKey_Returns200WithInstanceAndMessage()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c","activations_limit":3,"activation_message":"Thank you! Your license is now active."}""");

        var response = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key.ToLowerInvariant()}}","name":"build-agent-01","fingerprint":"fp-7f3a"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var instance = await response.ReadJsonAsync();
        instance.EnumerateObject().Select(p => p.Name).Should().Equal("id", "business_id", "license_key_id", "name", "fingerprint", "created_at", "activation_message");
        instance.GetProperty("id").GetString().Should().StartWith("lki_");
        instance.GetProperty("business_id").GetString().Should().Be(BusinessA);
        instance.GetProperty("license_key_id").GetString().Should().Be(license.Id);
        instance.GetProperty("name").GetString().Should().Be("build-agent-01");
        instance.GetProperty("fingerprint").GetString().Should().Be("fp-7f3a");
        instance.GetProperty("created_at").GetString().Should().Be("2026-05-11T01:12:25.764Z");
        instance.GetProperty("activation_message").GetString().Should().Be("Thank you! Your license is now active.");
        (await _api.Store.FindByIdAsync(BusinessA, license.Id))!.InstancesCount.Should().Be(1);
    }

    [Test]
    public async Task PostActivate_WithTokenSigner_ReturnsSignedLicense()
    {
        await _api.DisposeAsync();
        _api = await StartAsync(services => services.AddSingleton<ILicenseTokenSigner>(new RecordingSigner()));
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");

        var response = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"pc"}"""));

        var instance = await response.ReadJsonAsync();
        instance.GetProperty("signed_license").GetString().Should().Be($"signed:{license.Id}:{instance.GetProperty("id").GetString()}");
    }

    [Test]
    public async Task PostValidate_ForLiveInstanceWithTokenSigner_ReturnsRefreshedSignedLicense_AndWithoutInstanceNone()
    {
        await _api.DisposeAsync();
        _api = await StartAsync(services => services.AddSingleton<ILicenseTokenSigner>(new RecordingSigner()));
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");
        var instance = await (await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"pc"}"""))).ReadJsonAsync();
        var instanceId = instance.GetProperty("id").GetString();

        var bound = await (await _api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{license.Key}}","license_key_instance_id":"{{instanceId}}"}"""))).ReadJsonAsync();
        var unbound = await (await _api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{license.Key}}"}"""))).ReadJsonAsync();

        bound.GetProperty("signed_license").GetString().Should().Be($"signed:{license.Id}:{instanceId}");
        unbound.TryGetProperty("signed_license", out _).Should().BeFalse();
        unbound.GetProperty("code").GetString().Should().Be("VALID");
    }

    [Test]
    public async Task PostActivate_SameFingerprintTwice_ReturnsSameInstanceWithoutUsingASlot()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c","activations_limit":1}""");
        var body = $$"""{"license_key":"{{license.Key}}","name":"laptop","fingerprint":"fp-1"}""";

        var first = await (await _api.Client.PostAsync("/licenses/activate", Json(body))).ReadJsonAsync();
        var again = await _api.Client.PostAsync("/licenses/activate", Json(body));

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.ReadJsonAsync()).GetProperty("id").GetString().Should().Be(first.GetProperty("id").GetString());
        (await _api.Store.FindByIdAsync(BusinessA, license.Id))!.InstancesCount.Should().Be(1);
    }

    [TestCase("""{"status":"REVOKED"}""", LicenseErrorCodes.LicenseRevoked)]
    [TestCase("""{"status":"DISABLED"}""", LicenseErrorCodes.LicenseDisabled)]
    [TestCase("""{"archived":true}""", LicenseErrorCodes.LicenseArchived)]
    public async Task PostActivate_OnRefusedLicense_Returns422WithReason(string patch, string code)
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");
        (await _api.Admin.PatchAsync($"/licenses/{license.Id}", Json(patch))).EnsureSuccessStatusCode();

        var response = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"pc"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        (await _api.Store.ListInstancesAsync(BusinessA, license.Id)).Should().BeEmpty();
    }

    [Test]
    public async Task PostActivate_OnExpiredLicense_Returns422LicenseExpired()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c","duration_hours":720}""");
        _api.Time.Advance(TimeSpan.FromHours(720));

        var response = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"pc"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, LicenseErrorCodes.LicenseExpired);
    }

    [Test]
    public async Task PostActivate_AtTheLimit_Returns422LimitReached()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c","activations_limit":1}""");
        await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"one"}"""));

        var response = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"two"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, LicenseErrorCodes.LicenseKeyLimitReached);
    }

    [Test]
    public async Task PostActivate_200ParallelRequestsAgainstLimit25_ActivatesExactly25()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c","activations_limit":25}""");
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string? Code)>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 200 }, async (i, ct) =>
        {
            var response = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"seat-{{i}}","fingerprint":"fp-{{i}}"}"""), ct);
            var body = await response.ReadJsonAsync();
            statuses.Add((response.StatusCode, body.TryGetProperty("code", out var code) ? code.GetString() : null));
        });

        statuses.Count(s => s.Status == HttpStatusCode.OK).Should().Be(25);
        statuses.Where(s => s.Status != HttpStatusCode.OK).Should().HaveCount(175)
            .And.AllSatisfy(s => s.Should().Be((HttpStatusCode.UnprocessableEntity, LicenseErrorCodes.LicenseKeyLimitReached)));
        (await _api.Store.ListInstancesAsync(BusinessA, license.Id)).Should().HaveCount(25);
        (await _api.Store.FindByIdAsync(BusinessA, license.Id))!.InstancesCount.Should().Be(25);
    }

    [Test]
    public async Task PostActivate_WithUnknownKeyOrAnotherBusinessKey_Returns404LicenseKeyNotFound()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");
        using var other = _api.CreateClient(BusinessB);

        var unknown = await _api.Client.PostAsync("/licenses/activate", Json("""{"license_key":"NOPE-NOPE","name":"pc"}"""));
        var foreign = await other.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"pc"}"""));

        (await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseKeyNotFound)).Errors()
            .Should().Equal((LicenseErrorCodes.LicenseKeyNotFound, "license_key"));
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseKeyNotFound);
    }

    [Test]
    public async Task PostActivate_WithMissingFields_Returns400ListingEach()
    {
        var response = await _api.Client.PostAsync("/licenses/activate", Json("""{"fingerprint":"fp"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldRequired);
        problem.Errors().Should().Equal((LicenseErrorCodes.FieldRequired, "license_key"), (LicenseErrorCodes.FieldRequired, "name"));
    }

    [Test]
    public async Task PostDeactivate_LiveInstance_Returns204AndFreesTheSlot()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c","activations_limit":1}""");
        var instance = await (await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"old"}"""))).ReadJsonAsync();
        var body = $$"""{"license_key":"{{license.Key}}","license_key_instance_id":"{{instance.GetProperty("id").GetString()}}"}""";

        var response = await _api.Client.PostAsync("/licenses/deactivate", Json(body));
        var reactivated = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"new"}"""));
        var twice = await _api.Client.PostAsync("/licenses/deactivate", Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        reactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await twice.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.InstanceNotFound)).Errors()
            .Should().Equal((LicenseErrorCodes.InstanceNotFound, "license_key_instance_id"));
    }

    [Test]
    public async Task PostDeactivate_WithUnknownKeyOrMissingInstance_ReturnsProblem()
    {
        var unknown = await _api.Client.PostAsync("/licenses/deactivate", Json("""{"license_key":"NOPE","license_key_instance_id":"lki_x"}"""));
        var missing = await _api.Client.PostAsync("/licenses/deactivate", Json("""{"license_key":"NOPE"}"""));

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseKeyNotFound);
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldRequired)).Errors()
            .Should().Equal((LicenseErrorCodes.FieldRequired, "license_key_instance_id"));
    }

    [Test]
    public async Task PostValidate_ActiveKeyWithLiveInstance_ReturnsValidWithLicense()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");
        var instance = await (await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.Key}}","name":"pc","fingerprint":"fp-9"}"""))).ReadJsonAsync();

        var byInstance = await Validate($$"""{"license_key":"{{license.Key}}","license_key_instance_id":"{{instance.GetProperty("id").GetString()}}"}""");
        var byFingerprint = await Validate($$"""{"license_key":"{{license.Key}}","fingerprint":"fp-9"}""");

        byInstance.GetProperty("valid").GetBoolean().Should().BeTrue();
        byInstance.GetProperty("code").GetString().Should().Be("VALID");
        byInstance.GetProperty("license").GetProperty("id").GetString().Should().Be(license.Id);
        byInstance.GetProperty("license").GetProperty("instances_count").GetInt32().Should().Be(1);
        byFingerprint.GetProperty("code").GetString().Should().Be("VALID");
    }

    [Test]
    public async Task PostValidate_ByDefault_ShowsTheKeyHolderProjectionWithoutPaymentCustomerOrMetadata()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"cust_secret","payment_id":"pay_secret","metadata":{"email":"a@example.com"}}""");

        var result = await Validate($$"""{"license_key":"{{license.Key}}"}""");

        result.GetProperty("license").EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "key", "status", "business_id", "product_id", "activations_limit", "activation_message", "instances_count",
            "duration_hours", "expires_at", "archived", "created_at", "updated_at");
        result.GetRawText().Should().NotContainAny("cust_secret", "pay_secret", "a@example.com");
    }

    [Test]
    public async Task PostValidate_WhenTheHostDisclosesCustomerData_ShowsTheWholeLicense()
    {
        await _api.DisposeAsync();
        _api = await StartAsync(services => services.Configure<LicenseKitOptions>(o => o.DiscloseCustomerDataToKeyHolders = true));
        var license = await CreateAsync("""{"product_id":"p","customer_id":"cust_secret","payment_id":"pay_secret","metadata":{"email":"a@example.com"}}""");

        var result = await Validate($$"""{"license_key":"{{license.Key}}"}""");

        var shown = result.GetProperty("license");
        shown.GetProperty("customer_id").GetString().Should().Be("cust_secret");
        shown.GetProperty("payment_id").GetString().Should().Be("pay_secret");
        shown.GetProperty("metadata").GetProperty("email").GetString().Should().Be("a@example.com");
    }

    [Test]
    public async Task PostValidate_WithFailingKeys_ReturnsReasonCodes()
    {
        var expired = await CreateAsync("""{"product_id":"p","customer_id":"c","duration_hours":1}""");
        var active = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");
        _api.Time.Advance(TimeSpan.FromHours(2));

        var notFound = await Validate("""{"license_key":"NOPE-NOPE"}""");
        var expiredResult = await Validate($$"""{"license_key":"{{expired.Key}}"}""");
        var noInstance = await Validate($$"""{"license_key":"{{active.Key}}","license_key_instance_id":"lki_missing"}""");

        notFound.GetRawText().Should().Be("""{"valid":false,"code":"NOT_FOUND","license":null}""");
        expiredResult.GetProperty("valid").GetBoolean().Should().BeFalse();
        expiredResult.GetProperty("code").GetString().Should().Be("EXPIRED");
        expiredResult.GetProperty("license").GetProperty("id").GetString().Should().Be(expired.Id);
        noInstance.GetProperty("code").GetString().Should().Be("INSTANCE_NOT_FOUND");
    }

    [Test]
    public async Task PostValidate_WithoutLicenseKey_Returns400()
    {
        var response = await _api.Client.PostAsync("/licenses/validate", Json("""{"fingerprint":"fp"}"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldRequired)).Errors()
            .Should().Equal((LicenseErrorCodes.FieldRequired, "license_key"));
    }

    [Test]
    public async Task PostValidate_WithoutLicenseKeyAndWithUnknownField_ListsBoth()
    {
        var response = await _api.Client.PostAsync("/licenses/validate", Json("""{"instance":"lki_1"}"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.UnknownField)).Errors()
            .Should().Equal((LicenseHttpErrorCodes.UnknownField, "instance"), (LicenseErrorCodes.FieldRequired, "license_key"));
    }

    [Test]
    public async Task PostValidate_KeyOfAnotherBusiness_ReturnsNotFound()
    {
        var license = await CreateAsync("""{"product_id":"p","customer_id":"c"}""");
        using var other = _api.CreateClient(BusinessB);

        var response = await other.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{license.Key}}"}"""));

        (await response.ReadJsonAsync()).GetProperty("code").GetString().Should().Be("NOT_FOUND");
    }

    private async Task<JsonElement> Validate(string body)
    {
        var response = await _api.Client.PostAsync("/licenses/validate", Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<(string Id, string Key)> CreateAsync(string body)
    {
        var response = await _api.Admin.PostAsync("/licenses", Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.ReadJsonAsync();
        return (json.GetProperty("id").GetString()!, json.GetProperty("key").GetString()!);
    }

    /// <summary>A signer whose token names what it signed, to see it passed through.</summary>
    private sealed class RecordingSigner : ILicenseTokenSigner
    {
        public ValueTask<string> SignAsync(License license, LicenseInstance? instance, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult($"signed:{license.Id}:{instance?.Id}");
    }
}
