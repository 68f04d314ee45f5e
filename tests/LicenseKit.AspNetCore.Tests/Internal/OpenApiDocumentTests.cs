using System.Net;
using Microsoft.OpenApi;
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
        var document = await response.ReadJsonAsync();
        var paths = document.GetProperty("paths");
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
            ("/licenses/events", "get", "ListLicenseEvents"),
            ("/licenses/events/{id}/redrive", "post", "RedriveLicenseEvent"),
            ("/licenses/activate", "post", "ActivateLicense"),
            ("/licenses/deactivate", "post", "DeactivateLicense"),
            ("/licenses/validate", "post", "ValidateLicense"),
            ("/licenses/heartbeat", "post", "HeartbeatLicense"),
        });

        var create = paths.GetProperty("/licenses").GetProperty("post");
        create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").ValueKind.Should().Be(JsonValueKind.Object);
        create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["201", "400", "409"]);
        create.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json")
            .GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProblemResponse");
        document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemResponse").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().Equal("type", "title", "status", "detail", "instance", "code", "errors", "traceId");
        paths.GetProperty("/licenses/{id}").GetProperty("patch").GetProperty("requestBody").GetProperty("content")
            .EnumerateObject().Select(c => c.Name).Should().Equal("application/json", "application/merge-patch+json");
    }

    [Test]
    public async Task GetOpenApiDocument_DescribesLicenseWithItsWireNames()
    {
        await using var api = await TestApi.StartAsync();
        using var anonymous = api.CreateClient(null);

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var license = document.GetProperty("components").GetProperty("schemas").GetProperty("License");
        license.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "key", "status", "business_id", "product_id", "payment_id", "customer_id", "activations_limit",
            "activation_message", "instances_count", "duration_hours", "expires_at", "metadata", "archived", "created_at", "updated_at", "entitlements");
        license.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Contain(["business_id", "product_id"]).And.NotContain("entitlements");
        license.GetProperty("properties").GetProperty("activations_limit").GetProperty("type").EnumerateArray().Select(t => t.GetString())
            .Should().BeEquivalentTo(["null", "integer"]);
    }

    [Test]
    public async Task GetOpenApiDocument_IsValidOpenApiWithoutReaderOrRuleErrors()
    {
        await using var api = await TestApi.StartAsync();
        using var anonymous = api.CreateClient(null);
        await using var stream = await anonymous.GetStreamAsync("/openapi/v1.json");

        var result = await OpenApiDocument.LoadAsync(stream, "json");

        result.Diagnostic!.Errors.Should().BeEmpty();
        result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()).Should().BeEmpty();
    }


    [Test]
    public async Task GetOpenApiDocument_MarksOptionalFieldsTypesIntegersAndListsQueryHeadersAndProblems()
    {
        await using var api = await TestApi.StartAsync();
        using var anonymous = api.CreateClient(null);

        var paths = (await (await anonymous.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        var create = paths.GetProperty("/licenses").GetProperty("post");
        var createBody = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        createBody.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Equal("product_id", "customer_id");
        createBody.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        foreach (var integer in new[] { "activations_limit", "duration_hours" })
        {
            createBody.GetProperty("properties").GetProperty(integer).GetProperty("type").EnumerateArray().Select(t => t.GetString())
                .Should().BeEquivalentTo(["integer", "null"]);
        }

        var patchBody = paths.GetProperty("/licenses/{id}").GetProperty("patch").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/merge-patch+json").GetProperty("schema");
        patchBody.TryGetProperty("required", out var patchRequired).Should().BeFalse(patchRequired.ToString());
        patchBody.GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("ACTIVE", "DISABLED", "REVOKED");

        Parameters(paths.GetProperty("/licenses").GetProperty("get")).Should().Equal(
            ("product_id", "query"), ("customer_id", "query"), ("status", "query"), ("archived", "query"), ("created_from", "query"),
            ("created_before", "query"), ("page_size", "query"), ("cursor", "query"));
        Parameters(create).Should().Equal(("Idempotency-Key", "header"));
        Parameters(paths.GetProperty("/licenses/{id}").GetProperty("patch")).Should().Contain(("If-Match", "header"));
        Parameters(paths.GetProperty("/licenses/{id}").GetProperty("get")).Should().Contain(("If-None-Match", "header"));

        create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["201", "400", "401", "409", "413", "415"]);
        paths.GetProperty("/licenses/validate").GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name)
            .Should().BeEquivalentTo(["200", "400", "401", "413", "415"]);
    }

    private static (string? Name, string? In)[] Parameters(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString()))
            .Where(p => p.Item2 != "path")
            .ToArray();
}
