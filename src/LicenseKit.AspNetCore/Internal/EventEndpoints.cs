using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LicenseKit.Internal;

/// <summary>The handlers of the event endpoints: the feed and the re-drive of a parked event.</summary>
internal static class EventEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext http, [FromServices] ILicenseEventLog events, CancellationToken cancellationToken)
    {
        var (query, errors) = ListEventsQuery.Read(http.Request.Query, Problems.Describer(http));
        if (errors is not null)
        {
            return Problems.From(http, errors);
        }

        var result = await events.ListAsync(query.Query, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Json(
                new LicenseEventListResponse([.. result.Value.Items.Select(LicenseEventResponse.From)], result.Value.NextCursor),
                LicenseKitHttpJsonContext.Default.LicenseEventListResponse)
            : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> RedriveAsync(string id, HttpContext http, [FromServices] ILicenseEventLog events, CancellationToken cancellationToken)
    {
        var result = await events.RedriveAsync(id, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Json(LicenseEventResponse.From(result.Value), LicenseKitHttpJsonContext.Default.LicenseEventResponse)
            : Problems.From(http, result.Errors);
    }
}
