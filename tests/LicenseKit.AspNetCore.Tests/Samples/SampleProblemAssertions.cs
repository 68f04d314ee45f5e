using System.Net;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>Checks the problems the sample host writes around LicenseKit's own.</summary>
public static class SampleProblemAssertions
{
    /// <summary>Asserts an RFC 9457 body with the status and a title, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemBodyAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }

    /// <summary>Asserts a problem the host wrote through its IProblemDetailsService: with a traceId.</summary>
    public static async Task<JsonElement> ShouldBeHostProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ShouldBeProblemBodyAsync(status);
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }

    /// <summary>Asserts a problem with <paramref name="code"/> and a whole number of seconds in <c>Retry-After</c>, and returns the seconds.</summary>
    public static async Task<int> ShouldBeRetryLaterProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ShouldBeHostProblemAsync(status);
        problem.GetProperty("code").GetString().Should().Be(code);
        response.Headers.RetryAfter.Should().NotBeNull();
        var seconds = response.Headers.RetryAfter!.Delta;
        seconds.Should().NotBeNull().And.BeGreaterThan(TimeSpan.Zero);
        return (int)seconds!.Value.TotalSeconds;
    }
}
