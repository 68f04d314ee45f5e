using System.Diagnostics.CodeAnalysis;
using LicenseKit;
using LicenseKit.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the LicenseKit HTTP API onto a host's routes. Each method returns the route group, so the host chains its own
/// <c>RequireAuthorization</c>, <c>RequireRateLimiting</c>, CORS or filters. Bodies and responses use the seed's
/// snake_case wire format; failures are RFC 9457 problem details with the stable <c>code</c>.
/// </summary>
public static class LicenseKitEndpointRouteBuilderExtensions
{
    private const string Json = "application/json";

    /// <summary>
    /// Maps the vendor-side management API: <c>POST {prefix}</c> (create, honouring <c>Idempotency-Key</c>),
    /// <c>GET {prefix}</c> (list with filters and a cursor), <c>GET {prefix}/{id}</c>, <c>PATCH {prefix}/{id}</c>
    /// (JSON merge patch, <c>If-Match</c>) and <c>GET {prefix}/{id}/instances</c>. Protect it: these endpoints issue
    /// and change licenses.
    /// </summary>
    /// <param name="endpoints">The host's route builder, e.g. the <c>WebApplication</c>.</param>
    /// <param name="prefix">The route prefix. Default <c>/licenses</c>.</param>
    /// <returns>The route group of the endpoints.</returns>
    public static RouteGroupBuilder MapLicenseKitManagement(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/licenses")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix).WithTags("Licenses").AddEndpointFilter(BusinessResolutionFilter.InvokeAsync)
            .ProducesLicenseProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", ManagementEndpoints.CreateAsync)
            .WithName("CreateLicense")
            .WithSummary("Create a license key")
            .WithDescription("Issues a license for a product and customer. A retry with the same Idempotency-Key header and body returns the same license (201 again); the same key with another body is a 409.")
            .WithJsonRequestBody<CreateLicenseBody>(Json)
            .WithHeaderParameter(CreateLicenseBody.IdempotencyKeyHeader, "Makes a retry safe: the same key and body issue nothing new and answer 201 with the same license; the same key with another body is a 409.")
            .Produces<License>(StatusCodes.Status201Created, Json)
            .ProducesLicenseProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", ManagementEndpoints.ListAsync)
            .WithName("ListLicenses")
            .WithSummary("List license keys")
            .WithDescription("Newest first. Filters: product_id, customer_id, status, archived (false by default, true, all), created_from, created_before; page_size and the cursor of the previous page's next_cursor.")
            .WithQueryParameters(ListLicensesQuery.Parameters)
            .Produces<LicenseListResponse>(StatusCodes.Status200OK, Json)
            .ProducesLicenseProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", ManagementEndpoints.GetAsync)
            .WithName("GetLicense")
            .WithSummary("Get a license key")
            .WithDescription("The ETag header carries the license's version: send it as If-None-Match to get 304 while it is unchanged, or as If-Match on PATCH.")
            .WithHeaderParameter(EntityTags.IfNoneMatchHeader, "An ETag of this license: 304 without a body while it is still the current version.")
            .Produces<License>(StatusCodes.Status200OK, Json)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesLicenseProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/{id}", ManagementEndpoints.UpdateAsync)
            .WithName("UpdateLicense")
            .WithSummary("Update a license key")
            .WithDescription("JSON merge patch: an absent field is unchanged, null clears it. Send If-Match with the ETag you read to get a 412 instead of overwriting someone else's change.")
            .WithJsonRequestBody<UpdateLicenseBody>(Json, "application/merge-patch+json")
            .WithHeaderParameter(EntityTags.IfMatchHeader, "The ETag you read: the change applies only to that version, else 412. \"*\" or absent applies it to the latest.")
            .Produces<License>(StatusCodes.Status200OK, Json)
            .ProducesLicenseProblem(StatusCodes.Status404NotFound)
            .ProducesLicenseProblem(StatusCodes.Status409Conflict)
            .ProducesLicenseProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesLicenseProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id}/instances", ManagementEndpoints.ListInstancesAsync)
            .WithName("ListLicenseInstances")
            .WithSummary("List the live activation instances of a license key")
            .Produces<LicenseInstanceListResponse>(StatusCodes.Status200OK, Json)
            .ProducesLicenseProblem(StatusCodes.Status404NotFound);

        return group;
    }

    /// <summary>
    /// Maps the client-facing API that installed software calls: <c>POST {prefix}/activate</c>,
    /// <c>POST {prefix}/deactivate</c>, <c>POST {prefix}/validate</c> and <c>POST {prefix}/heartbeat</c>. These endpoints are typically reachable by
    /// customers' machines: chain the host's authorization policy and a rate limiter.
    /// </summary>
    /// <param name="endpoints">The host's route builder, e.g. the <c>WebApplication</c>.</param>
    /// <param name="prefix">The route prefix. Default <c>/licenses</c>.</param>
    /// <returns>The route group of the endpoints.</returns>
    public static RouteGroupBuilder MapLicenseKitActivation(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/licenses")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix).WithTags("License activation").AddEndpointFilter(BusinessResolutionFilter.InvokeAsync)
            .ProducesLicenseProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/activate", ActivationEndpoints.ActivateAsync)
            .WithName("ActivateLicense")
            .WithSummary("Activate a license key on a device")
            .WithDescription("Creates an activation instance (or returns the existing one for a known fingerprint, using no new slot).")
            .WithJsonRequestBody<ActivateBody>(Json)
            .Produces<ActivationResponse>(StatusCodes.Status200OK, Json)
            .ProducesLicenseProblem(StatusCodes.Status404NotFound)
            .ProducesLicenseProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/deactivate", ActivationEndpoints.DeactivateAsync)
            .WithName("DeactivateLicense")
            .WithSummary("Deactivate a license key instance and free its slot")
            .WithJsonRequestBody<DeactivateBody>(Json)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesLicenseProblem(StatusCodes.Status404NotFound);

        group.MapPost("/validate", ActivationEndpoints.ValidateAsync)
            .WithName("ValidateLicense")
            .WithSummary("Validate a license key")
            .WithDescription("Always 200 for a well-formed request: valid, the reason code (VALID, NOT_FOUND, REVOKED, DISABLED, ARCHIVED, EXPIRED, INSTANCE_NOT_FOUND, LEASE_EXPIRED) and the license when one was found.")
            .WithJsonRequestBody<ValidateBody>(Json)
            .Produces<ValidationResponse<KeyHolderLicense>>(StatusCodes.Status200OK, Json);

        group.MapPost("/heartbeat", ActivationEndpoints.HeartbeatAsync)
            .WithName("HeartbeatLicense")
            .WithSummary("Keep a license key instance's seat")
            .WithDescription("Renews a floating seat's lease (confirms a node-locked instance). 422 LEASE_EXPIRED when the lease lapsed first: activate again.")
            .WithJsonRequestBody<HeartbeatBody>(Json)
            .Produces<ActivationResponse>(StatusCodes.Status200OK, Json)
            .ProducesLicenseProblem(StatusCodes.Status404NotFound)
            .ProducesLicenseProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }
}
