using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Internal;

/// <summary>Turns errors into RFC 9457 problem details with the stable code and every offending field.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult From(HttpContext http, LicenseError error, int? status = null) => From(http, [error], status);

    /// <summary>The host's <see cref="LicenseErrorDescriber"/>, the one source of every message the endpoints write.</summary>
    public static LicenseErrorDescriber Describer(HttpContext http) => http.RequestServices.GetRequiredService<LicenseErrorDescriber>();

    public static IResult From(HttpContext http, IReadOnlyList<LicenseError> errors, int? status = null)
    {
        var first = errors[0];
        var statusCode = status ?? LicenseErrorStatusCodes.GetStatusCode(first.Code);
        return new LicenseProblemResult(new ProblemResponse
        {
            Title = ReasonPhrases.GetReasonPhrase(statusCode),
            Status = statusCode,
            Detail = errors.Count == 1 ? first.Description : Describer(http).SeveralErrors(errors.Count, first),
            Instance = http.Request.Path.HasValue ? http.Request.PathBase.Add(http.Request.Path).Value : null,
            Code = first.Code,
            Errors = errors.Select(e => new ProblemError(e.Code, e.Field, e.Description)).ToArray(),
        });
    }
}
