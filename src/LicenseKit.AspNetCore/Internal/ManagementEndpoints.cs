using LicenseKit.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LicenseKit.Internal;

/// <summary>The handlers of the management endpoints: create, get, list, update a license and list its instances.</summary>
internal static class ManagementEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext http, [FromServices] ILicenseIssuer issuer, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBodyReader.ReadAsync<CreateLicenseBody>(http, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await issuer.IssueAsync(body!.ToRequest(), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Problems.From(http, result.Errors);
        }

        // A retry with the same Idempotency-Key gets the first response again: 201, same license, same Location.
        var path = http.Request.PathBase.Add(http.Request.Path).Value!.TrimEnd('/');
        http.Response.Headers.Location = $"{path}/{Uri.EscapeDataString(result.Value.Id)}";
        return LicenseResult(http, result.Value, StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(string id, HttpContext http, [FromServices] ILicenseManager manager, CancellationToken cancellationToken)
    {
        var license = await manager.FindByIdAsync(id, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return Problems.From(http, Problems.Describer(http).LicenseNotFound());
        }

        // A client that still holds this version gets 304 and no body.
        var etag = EntityTags.ETag(license.Version);
        if (EntityTags.IfNoneMatchHolds(http.Request, etag))
        {
            http.Response.Headers.ETag = etag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return LicenseResult(http, license, StatusCodes.Status200OK);
    }

    public static async Task<IResult> ListAsync(HttpContext http, [FromServices] ILicenseManager manager, CancellationToken cancellationToken)
    {
        var (query, errors) = ListLicensesQuery.Read(http.Request.Query, Problems.Describer(http));
        if (errors is not null)
        {
            return Problems.From(http, errors);
        }

        var result = await manager.ListAsync(query.Query, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Json(new LicenseListResponse(result.Value.Items, result.Value.NextCursor), LicenseKitHttpJsonContext.Default.LicenseListResponse)
            : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> UpdateAsync(string id, HttpContext http, [FromServices] ILicenseManager manager, CancellationToken cancellationToken)
    {
        if (!EntityTags.TryReadIfMatch(http.Request, out var expectedVersion))
        {
            return Problems.From(
                http,
                Problems.Describer(http).IfMatchInvalid(),
                StatusCodes.Status412PreconditionFailed);
        }

        var (body, problem) = await RequestBodyReader.ReadAsync<UpdateLicenseBody>(http, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await manager.UpdateAsync(id, body!.Update, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LicenseResult(http, result.Value, StatusCodes.Status200OK);
        }

        // A stale If-Match is a failed precondition (412); a conflict without one stays 409.
        var preconditionFailed = expectedVersion is not null && result.Error.Code == LicenseErrorCodes.ConcurrencyConflict;
        return Problems.From(http, result.Errors, preconditionFailed ? StatusCodes.Status412PreconditionFailed : null);
    }

    public static async Task<IResult> ListInstancesAsync(string id, HttpContext http, [FromServices] ILicenseManager manager, CancellationToken cancellationToken)
    {
        var result = await manager.ListInstancesAsync(id, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Json(new LicenseInstanceListResponse(result.Value), LicenseKitHttpJsonContext.Default.LicenseInstanceListResponse)
            : Problems.From(http, result.Errors);
    }

    private static JsonHttpResult<License> LicenseResult(HttpContext http, License license, int statusCode)
    {
        http.Response.Headers.ETag = EntityTags.ETag(license.Version);
        return TypedResults.Json(license, LicenseKitJsonContext.Default.License, statusCode: statusCode);
    }
}
