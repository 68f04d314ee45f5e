using LicenseKit.Samples.Api.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace LicenseKit.Samples.Api.Errors;

/// <summary>
/// Answers a request that failed because the database is away with a 503 and <c>Retry-After</c>, so clients and load
/// balancers back off instead of treating it as a bug; any other exception falls through to the 500 problem.
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(IOptions<DatabaseOptions> options, ILogger<DatabaseUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path.ToString(), exception.GetBaseException().Message);
        await SampleProblems.WriteRetryLaterAsync(
            httpContext,
            StatusCodes.Status503ServiceUnavailable,
            SampleProblems.DatabaseUnavailable,
            "The license database is unavailable.",
            TimeSpan.FromSeconds(options.Value.RetryAfterSeconds),
            exception);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unavailable ({Reason}).")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
