using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

/// <summary>
/// Property names the JSON grammar allows but no .NET string can hold (a lone UTF-16 surrogate escape), at the top level
/// and nested, sent to every endpoint that reads a body: always a 400 problem, never a 500, and nothing stored.
/// </summary>
public sealed class JsonBodyTests
{
    private static readonly string[] BrokenNameBodies =
    [
        """{"\ud800":1}""",
        """{"\udc00":"x","product_id":"p"}""",
        """{"a":{"\udc00":1}}""",
        """{"metadata":{"\ud83d":"x"}}""",
        """{"metadata":{"ok":"x","\udfff":"y"}}""",
        """{"x":[{"\ud800\u0041":1}]}""",
        """{"\ud800":1,"\ud800":2}""",
    ];

    [Test]
    public async Task EveryBodyEndpoint_WithLoneSurrogateInAPropertyName_Returns400InvalidJsonAndStoresNothing()
    {
        await using var api = await StartAsync();
        var license = await (await api.Admin.PostAsync("/licenses", Json("""{"product_id":"p","customer_id":"c"}"""))).ReadJsonAsync();
        var before = await api.SnapshotAsync(BusinessA);
        var targets = new (HttpMethod Method, string Url, HttpClient Client)[]
        {
            (HttpMethod.Post, "/licenses", api.Admin),
            (HttpMethod.Patch, $"/licenses/{license.GetProperty("id").GetString()}", api.Admin),
            (HttpMethod.Post, "/licenses/activate", api.Client),
            (HttpMethod.Post, "/licenses/deactivate", api.Client),
            (HttpMethod.Post, "/licenses/validate", api.Client),
            (HttpMethod.Post, "/licenses/heartbeat", api.Client),
        };

        foreach (var (method, url, client) in targets)
        {
            foreach (var body in BrokenNameBodies)
            {
                using var request = new HttpRequestMessage(method, url) { Content = Json(body) };
                var response = await client.SendAsync(request);

                await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.InvalidJson);
            }
        }

        (await api.SnapshotAsync(BusinessA)).Should().Be(before);
    }

    [Test]
    public async Task EveryStringField_WithLoneSurrogateInItsValue_Returns400NamingTheField()
    {
        await using var api = await StartAsync();

        var response = await api.Client.PostAsync("/licenses/validate", Json("""{"license_key":"AB\ud800CD","fingerprint":"\udc00"}"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.FieldInvalidType)).Errors()
            .Should().Equal((LicenseHttpErrorCodes.FieldInvalidType, "license_key"), (LicenseHttpErrorCodes.FieldInvalidType, "fingerprint"));
    }
}
