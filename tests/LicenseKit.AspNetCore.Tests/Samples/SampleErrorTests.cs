using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using LicenseKit.Samples.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// What a client of the sample sees when something is refused: a problem body for every status, and a 429 with
/// Retry-After, per client address, behind trusted proxies only.
/// </summary>
[TestFixture(SampleStore.Sqlite)]
[TestFixture(SampleStore.Postgres)]
public sealed class SampleErrorTests(SampleStore store)
{
    [Test]
    public async Task BareStatuses_AllCarryProblemBodies()
    {
        await using var sample = await SampleHost.StartAsync(store);
        using var anonymous = sample.Client(null);
        using var unknown = sample.Client("sk_live_guess");
        using var publishable = sample.Client("pk_test_acme");
        using var admin = sample.Client("sk_test_acme");

        var unauthorized = await anonymous.GetAsync("/licenses");
        await unauthorized.ShouldBeHostProblemAsync(HttpStatusCode.Unauthorized);
        unauthorized.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        await (await unknown.GetAsync("/licenses")).ShouldBeHostProblemAsync(HttpStatusCode.Unauthorized);
        await (await publishable.GetAsync("/licenses")).ShouldBeHostProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/nowhere")).ShouldBeHostProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/licenses/validate")).ShouldBeHostProblemAsync(HttpStatusCode.MethodNotAllowed);
        // LicenseKit's own problem for a malformed body.
        await (await admin.PostAsync("/licenses", TestApi.Json("{"))).ShouldBeProblemBodyAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ActivationGroup_OverItsBudget_Answers429ProblemWithRetryAfter_CountingUnknownKeys_AndLeavingManagementAlone()
    {
        await using var sample = await SampleHost.StartAsync(store, new Dictionary<string, string> { ["RateLimiting:ActivationPermitsPerMinute"] = "2" });
        using var guessing = sample.Client("pk_live_guess");
        using var app = sample.Client("pk_test_acme");
        using var admin = sample.Client("sk_test_acme");

        // The limiter runs before authentication: a guessed key spends the address's budget too.
        var statuses = new List<HttpStatusCode>
        {
            (await guessing.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""))).StatusCode,
            (await app.PostAsync("/licenses/validate", TestApi.Json("""{"license_key":"NOPE"}"""))).StatusCode,
        };
        var refused = await app.PostAsync("/licenses/activate", TestApi.Json("""{"license_key":"NOPE","name":"n"}"""));

        statuses.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        var retryAfter = await refused.ShouldBeRetryLaterProblemAsync(HttpStatusCode.TooManyRequests, SampleProblems.RateLimited);
        retryAfter.Should().BeInRange(1, 60);
        (await admin.GetAsync("/licenses")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task RateLimit_PartitionsByForwardedClientAddress_OnlyBehindConfiguredProxies()
    {
        await using var sample = await SampleHost.StartAsync(store, new Dictionary<string, string>
        {
            ["RateLimiting:ActivationPermitsPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        });

        // Two clients behind the known proxy, one behind a proxy in the known network: a budget each.
        var first = await ValidateFromAsync(sample, "10.0.0.5", "203.0.113.1", times: 3);
        var second = await ValidateFromAsync(sample, "10.0.0.5", "203.0.113.2", times: 2);
        var third = await ValidateFromAsync(sample, "10.1.2.3", "203.0.113.3", times: 2);
        // An unknown peer's header is ignored: changing it does not buy a new budget.
        var spoofing = await ValidateFromAsync(sample, "192.0.2.9", "203.0.113.4", times: 2);
        var spoofedAgain = await ValidateFromAsync(sample, "192.0.2.9", "203.0.113.5", times: 1);

        first.Should().Equal(200, 200, 429);
        second.Should().Equal(200, 200);
        third.Should().Equal(200, 200);
        spoofing.Should().Equal(200, 200);
        spoofedAgain.Should().Equal(429);
    }

    private static async Task<List<int>> ValidateFromAsync(SampleHost sample, string peer, string forwardedFor, int times)
    {
        var statuses = new List<int>();
        for (var i = 0; i < times; i++)
        {
            var context = await sample.Factory.Server.SendAsync(http =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                http.Request.Method = HttpMethods.Post;
                http.Request.Path = "/licenses/validate";
                http.Request.Headers.Authorization = "Bearer pk_test_acme";
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
                http.Request.ContentType = "application/json";
                http.Request.Body = new MemoryStream("""{"license_key":"NOPE"}"""u8.ToArray());
            });
            statuses.Add(context.Response.StatusCode);
        }

        return statuses;
    }
}
