using System.Globalization;

namespace LicenseKit.Samples.Api.Errors;

/// <summary>The problems the sample host writes itself (LicenseKit's endpoints write their own), with their codes.</summary>
internal static class SampleProblems
{
    /// <summary>The <c>code</c> of a 503 while the database is unavailable.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>The <c>code</c> of a 429 from the rate limiter.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>
    /// Answers <paramref name="status"/> with a <c>Retry-After</c> header and a problem with a <c>code</c> member,
    /// written through the host's <see cref="IProblemDetailsService"/> so <c>AddProblemDetails</c> customisations (and
    /// traceId) apply. A client whose Accept header refuses JSON still gets the status and the header, without a body.
    /// </summary>
    public static async Task WriteRetryLaterAsync(HttpContext http, int status, string code, string title, TimeSpan retryAfter, Exception? exception = null)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = "Retry after the number of seconds in the Retry-After header." },
        };
        context.ProblemDetails.Extensions["code"] = code;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(context);
    }
}
