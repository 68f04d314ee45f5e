using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The sample's API-key scheme as a caller meets it: which Authorization values it accepts, the 401 challenge and the
/// 403 for a key without the scope, the business a key scopes calls to, and the log lines ASP.NET Core's own handlers
/// write for the same outcomes.
/// </summary>
public sealed class SampleApiKeyTests
{
    private SampleHost _sample = null!;

    [SetUp]
    public async Task SetUp() => _sample = await SampleHost.StartAsync(SampleStore.Sqlite, configure: host => host.ConfigureLogging(logging => logging
        .AddFakeLogging()
        .AddFilter<FakeLoggerProvider>(category: null, LogLevel.Trace)));

    [TearDown]
    public async Task TearDown() => await _sample.DisposeAsync();

    [TestCase("Basic c2tfdGVzdF9hY21lOg==")]
    [TestCase("Token sk_test_acme")]
    [TestCase("Bearersk_test_acme")]
    [TestCase("Bearer ")]
    [TestCase("Bearer pk_test_acme_")]
    [TestCase("Bearer sk_test_ACME")]
    public async Task AnAuthorizationValueThatIsNotAKnownBearerKey_IsChallenged(string authorization)
    {
        using var client = _sample.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var management = await client.GetAsync("/licenses");
        var validation = await client.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"LK-ANY"}"""));

        foreach (var response in new[] { management, validation })
        {
            await response.ShouldBeHostProblemAsync(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        }
    }

    [Test]
    public async Task TheBearerKeyword_IsMatchedWithoutCase_AndTheKeyWithoutSurroundingSpaces()
    {
        using var client = _sample.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer   sk_test_acme  ");

        (await client.GetAsync("/licenses")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task KeysScopeCallsToTheirBusiness_AndOnlySecretKeysManage()
    {
        using var admin = _sample.Client("sk_test_acme");
        using var publishable = _sample.Client("pk_test_acme");
        using var otherBusiness = _sample.Client("sk_test_globex");
        var license = await (await admin.PostAsync("/licenses", TestApi.Json("""{"product_id":"prod_keys","customer_id":"cust_keys"}"""))).ReadJsonAsync();
        var validate = TestApi.Json($$"""{"license_key":"{{license.GetProperty("key").GetString()}}"}""");

        var byPublishable = await publishable.PostAsync("/licenses/validate", validate);
        var bySecret = await admin.PostAsync("/licenses/validate", validate);
        var byOtherBusiness = await otherBusiness.PostAsync("/licenses/validate", validate);

        byPublishable.StatusCode.Should().Be(HttpStatusCode.OK);
        (await byPublishable.ReadJsonAsync()).GetProperty("license").GetProperty("business_id").GetString().Should().Be("biz_345TUESrCDPvrb");
        bySecret.StatusCode.Should().Be(HttpStatusCode.OK, "a secret key may call the activation group too");
        (await bySecret.ReadJsonAsync()).GetProperty("code").GetString().Should().Be("VALID");
        (await byOtherBusiness.ReadJsonAsync()).GetProperty("code").GetString().Should().Be("NOT_FOUND", "another business's key does not see the license");
        await (await publishable.GetAsync("/licenses")).ShouldBeHostProblemAsync(HttpStatusCode.Forbidden);
        (await publishable.GetAsync("/licenses")).Headers.WwwAuthenticate.Should().BeEmpty("a 403 names no scheme to retry with");
    }

    [Test]
    public async Task Outcomes_AreLoggedAsTheFrameworkHandlersLogThem()
    {
        using var anonymous = _sample.Client(null);
        using var unknown = _sample.Client("sk_live_guess");
        using var publishable = _sample.Client("pk_test_acme");
        var collector = _sample.Factory.Services.GetRequiredService<FakeLogCollector>();

        collector.Clear();
        await anonymous.GetAsync("/licenses");
        var noKey = Lines(collector);
        collector.Clear();
        await unknown.GetAsync("/licenses");
        var unknownKey = Lines(collector);
        collector.Clear();
        await publishable.GetAsync("/licenses");
        var withoutScope = Lines(collector);

        noKey.Should().Contain([(9, LogLevel.Debug, "AuthenticationScheme: ApiKey was not authenticated."), (12, LogLevel.Information, "AuthenticationScheme: ApiKey was challenged.")]);
        unknownKey.Should().Contain([(7, LogLevel.Information, "ApiKey was not authenticated. Failure message: Unknown API key."), (12, LogLevel.Information, "AuthenticationScheme: ApiKey was challenged.")]);
        withoutScope.Should().Contain([(8, LogLevel.Debug, "AuthenticationScheme: ApiKey was successfully authenticated."), (13, LogLevel.Information, "AuthenticationScheme: ApiKey was forbidden.")]);
    }

    private static List<(int EventId, LogLevel Level, string Message)> Lines(FakeLogCollector collector) =>
    [
        .. collector.GetSnapshot()
            .Where(r => r.Category == "LicenseKit.Samples.Api.Security.ApiKeyAuthenticationHandler")
            .Select(r => (r.Id.Id, r.Level, r.Message)),
    ];
}
