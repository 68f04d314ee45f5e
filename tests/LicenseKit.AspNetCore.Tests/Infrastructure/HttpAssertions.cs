using System.Net;
using System.Text.Json;

namespace LicenseKit.AspNetCore.Tests.Infrastructure;

/// <summary>Reads responses as JSON and checks problem details.</summary>
public static class HttpAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the status and code, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("errors").GetArrayLength().Should().BeGreaterThan(0);
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }

    /// <summary>The (code, field) pairs of a problem's errors.</summary>
    public static IReadOnlyList<(string? Code, string? Field)> Errors(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString()))
            .ToArray();
}
