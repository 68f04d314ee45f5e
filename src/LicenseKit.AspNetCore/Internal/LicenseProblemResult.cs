using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Internal;

/// <summary>
/// Writes a problem through the host's <see cref="IProblemDetailsService"/> when it has one (<c>AddProblemDetails</c>),
/// so the host's customisation applies and it adds the <c>traceId</c>; <c>code</c> and <c>errors</c> travel as
/// extensions. A host without it gets the same members, <c>traceId</c> included, from LicenseKit's own serializer.
/// </summary>
internal sealed class LicenseProblemResult(ProblemResponse problem) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string CodeExtension = "code", ErrorsExtension = "errors", TraceIdExtension = "traceId";

    public int? StatusCode => problem.Status;

    public string ContentType => Problems.ContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = problem.Status;
        if (httpContext.RequestServices.GetService<IProblemDetailsService>() is { } service)
        {
            var details = new ProblemDetails
            {
                Type = problem.Type,
                Title = problem.Title,
                Status = problem.Status,
                Detail = problem.Detail,
                Instance = problem.Instance,
            };

            // JsonElement values: the problem details writer serializes them without any metadata of ours (AOT-safe).
            details.Extensions[CodeExtension] = problem.Code;
            details.Extensions[ErrorsExtension] = JsonSerializer.SerializeToElement(problem.Errors, LicenseKitHttpJsonContext.Default.IReadOnlyListProblemError);
            if (await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details }).ConfigureAwait(false))
            {
                return;
            }
        }

        var withTrace = problem with { TraceId = Activity.Current?.Id ?? httpContext.TraceIdentifier };
        await httpContext.Response.WriteAsJsonAsync(withTrace, LicenseKitHttpJsonContext.Default.ProblemResponse, ContentType).ConfigureAwait(false);
    }
}
