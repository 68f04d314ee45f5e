using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

/// <summary>The endpoints take the host's policies: the test host requires licenses:admin on management, a user on activation.</summary>
public sealed class AuthorizationTests
{
    private static readonly (string Method, string Url)[] Management =
    [
        ("POST", "/licenses"), ("GET", "/licenses"), ("GET", "/licenses/lic_1"), ("PATCH", "/licenses/lic_1"), ("GET", "/licenses/lic_1/instances"),
    ];

    private static readonly (string Method, string Url)[] Activation =
    [
        ("POST", "/licenses/activate"), ("POST", "/licenses/deactivate"), ("POST", "/licenses/validate"), ("POST", "/licenses/heartbeat"),
    ];

    private TestApi _api = null!;

    [SetUp]
    public async Task SetUp() => _api = await StartAsync();

    [TearDown]
    public async Task TearDown() => await _api.DisposeAsync();

    [Test]
    public async Task ManagementEndpoints_WithoutToken_Return401()
    {
        using var anonymous = _api.CreateClient(null);

        foreach (var (method, url) in Management)
        {
            (await SendAsync(anonymous, method, url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {url}");
        }
    }

    [Test]
    public async Task ManagementEndpoints_WithTokenLackingAdminScope_Return403AndIssueNothing()
    {
        foreach (var (method, url) in Management)
        {
            (await SendAsync(_api.Client, method, url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {url}");
        }

        (await _api.SnapshotAsync(BusinessA)).Should().BeEmpty();
    }

    [Test]
    public async Task ActivationEndpoints_WithoutToken_Return401()
    {
        using var anonymous = _api.CreateClient(null);

        foreach (var (method, url) in Activation)
        {
            (await SendAsync(anonymous, method, url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {url}");
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "GET" ? null : Json("""{"product_id":"p","customer_id":"c","license_key":"K","name":"n"}"""),
        });
}
