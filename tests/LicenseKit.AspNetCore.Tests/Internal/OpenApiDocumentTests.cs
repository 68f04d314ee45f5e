using System.Net;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class OpenApiDocumentTests
{
    [Test]
    public async Task GetOpenApiDocument_DescribesEveryEndpointWithItsOperationAndBody()
    {
        await using var api = await TestApi.StartAsync();
        using var anonymous = api.CreateClient(null);

        var response = await anonymous.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Id: op.Value.GetProperty("operationId").GetString())))
            .ToArray();
        operations.Should().BeEquivalentTo(new[]
        {
            ("/licenses", "post", "CreateLicense"),
            ("/licenses", "get", "ListLicenses"),
            ("/licenses/{id}", "get", "GetLicense"),
            ("/licenses/{id}", "patch", "UpdateLicense"),
            ("/licenses/{id}/instances", "get", "ListLicenseInstances"),
            ("/licenses/activate", "post", "ActivateLicense"),
            ("/licenses/deactivate", "post", "DeactivateLicense"),
            ("/licenses/validate", "post", "ValidateLicense"),
        });

        var create = paths.GetProperty("/licenses").GetProperty("post");
        create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").ValueKind.Should().Be(JsonValueKind.Object);
        create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["201", "400", "409"]);
        paths.GetProperty("/licenses/{id}").GetProperty("patch").GetProperty("requestBody").GetProperty("content")
            .EnumerateObject().Select(c => c.Name).Should().Equal("application/json", "application/merge-patch+json");
    }
}
