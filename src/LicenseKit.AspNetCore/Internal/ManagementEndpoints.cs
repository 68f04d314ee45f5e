using System.Globalization;
using LicenseKit.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LicenseKit.Internal;

/// <summary>The handlers of the management endpoints: create, get, list, update a license and list its instances.</summary>
internal static class ManagementEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly string[] QueryFields = ["product_id", "customer_id", "status", "archived", "created_from", "created_before", "page_size", "cursor"];

    public static async Task<IResult> CreateAsync(HttpContext http, [FromServices] ILicenseIssuer issuer, CancellationToken cancellationToken)
    {
        var (document, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return Problems.From(http, bodyError);
        }

        using var body = document;
        var fields = new FieldReader();
        string? productId = null, customerId = null, key = null, paymentId = null, activationMessage = null;
        int? activationsLimit = null, durationHours = null;
        IReadOnlyDictionary<string, string>? metadata = null;
        foreach (var property in body!.RootElement.EnumerateObject())
        {
            _ = property.Name switch
            {
                "product_id" => fields.TryString(property, out productId),
                "customer_id" => fields.TryString(property, out customerId),
                "activations_limit" => fields.TryInt32(property, out activationsLimit),
                "duration_hours" => fields.TryInt32(property, out durationHours),
                "key" => fields.TryString(property, out key),
                "payment_id" => fields.TryString(property, out paymentId),
                "activation_message" => fields.TryString(property, out activationMessage),
                "metadata" => fields.TryMetadata(property, out metadata),
                _ => Unknown(fields, property.Name),
            };
        }

        var idempotencyKey = SingleHeader(http, IdempotencyKeyHeader, "idempotency_key", fields);
        if (fields.Errors is { } errors)
        {
            return Problems.From(http, errors);
        }

        var result = await issuer.IssueAsync(
            new IssueLicenseRequest
            {
                ProductId = productId ?? string.Empty,
                CustomerId = customerId ?? string.Empty,
                ActivationsLimit = activationsLimit,
                DurationHours = durationHours,
                Key = key,
                PaymentId = paymentId,
                ActivationMessage = activationMessage,
                Metadata = metadata,
                IdempotencyKey = idempotencyKey,
            },
            cancellationToken).ConfigureAwait(false);

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
            return NotFound(http);
        }

        // A client that still holds this version gets 304 and no body.
        var etag = ETag(license.Version);
        if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal)))
        {
            http.Response.Headers.ETag = etag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return LicenseResult(http, license, StatusCodes.Status200OK);
    }

    public static async Task<IResult> ListAsync(HttpContext http, [FromServices] ILicenseManager manager, CancellationToken cancellationToken)
    {
        var fields = new FieldReader();
        foreach (var name in http.Request.Query.Keys)
        {
            if (!QueryFields.Contains(name, StringComparer.Ordinal))
            {
                fields.Unknown(name);
            }
        }

        var query = new LicenseQuery
        {
            ProductId = Query(http, "product_id", fields),
            CustomerId = Query(http, "customer_id", fields),
            Cursor = Query(http, "cursor", fields),
        };

        if (Query(http, "status", fields) is { } status)
        {
            if (FieldReader.TryParseStatus(name => string.Equals(name, status, StringComparison.Ordinal), out var parsed))
            {
                query = query with { Status = parsed };
            }
            else
            {
                fields.Add(LicenseErrorCodes.FieldOutOfRange, "'status' must be one of ACTIVE, DISABLED, REVOKED.", "status");
            }
        }

        switch (Query(http, "archived", fields))
        {
            case null or "false":
                break;
            case "true":
                query = query with { Archived = true };
                break;
            case "all":
                query = query with { Archived = null };
                break;
            default:
                fields.Add(LicenseHttpErrorCodes.FieldInvalidType, "'archived' must be true, false or all.", "archived");
                break;
        }

        query = query with
        {
            CreatedFrom = QueryTimestamp(http, "created_from", fields),
            CreatedBefore = QueryTimestamp(http, "created_before", fields),
        };

        if (Query(http, "page_size", fields) is { } pageSize)
        {
            if (int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                query = query with { PageSize = size };
            }
            else
            {
                fields.Add(LicenseHttpErrorCodes.FieldInvalidType, "'page_size' must be a positive integer.", "page_size");
            }
        }

        if (fields.Errors is { } errors)
        {
            return Problems.From(http, errors);
        }

        var result = await manager.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Json(new LicenseListResponse(result.Value.Items, result.Value.NextCursor), LicenseKitHttpJsonContext.Default.LicenseListResponse)
            : Problems.From(http, result.Errors);
    }

    public static async Task<IResult> UpdateAsync(string id, HttpContext http, [FromServices] ILicenseManager manager, CancellationToken cancellationToken)
    {
        if (!TryReadIfMatch(http, out var expectedVersion))
        {
            return Problems.From(
                http,
                new LicenseError(LicenseErrorCodes.ConcurrencyConflict, "If-Match must be \"*\" or one ETag this API returned.", "version"),
                StatusCodes.Status412PreconditionFailed);
        }

        var (document, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return Problems.From(http, bodyError);
        }

        using var body = document;
        var fields = new FieldReader();
        var update = new LicenseUpdate();
        foreach (var property in body!.RootElement.EnumerateObject())
        {
            switch (property.Name)
            {
                case "status" when fields.TryStatus(property, out var status):
                    update = update with { Status = status };
                    break;
                case "activations_limit" when fields.TryInt32(property, out var limit):
                    update = update with { ActivationsLimit = limit };
                    break;
                case "expires_at" when fields.TryTimestamp(property, out var expiresAt):
                    update = update with { ExpiresAt = expiresAt };
                    break;
                case "duration_hours" when fields.TryInt32(property, out var hours):
                    update = update with { DurationHours = hours };
                    break;
                case "activation_message" when fields.TryString(property, out var message):
                    update = update with { ActivationMessage = message };
                    break;
                case "metadata" when fields.TryMetadata(property, out var metadata):
                    update = update with { Metadata = new Optional<IReadOnlyDictionary<string, string>?>(metadata) };
                    break;
                case "archived" when fields.TryBoolean(property, out var archived):
                    update = update with { Archived = archived };
                    break;
                case "status" or "activations_limit" or "expires_at" or "duration_hours" or "activation_message" or "metadata" or "archived":
                    break; // the reader recorded why the value is bad
                default:
                    fields.Unknown(property.Name);
                    break;
            }
        }

        if (fields.Errors is { } errors)
        {
            return Problems.From(http, errors);
        }

        var result = await manager.UpdateAsync(id, update, expectedVersion, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The strong ETag of a license version.</summary>
    public static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static JsonHttpResult<License> LicenseResult(HttpContext http, License license, int statusCode)
    {
        http.Response.Headers.ETag = ETag(license.Version);
        return TypedResults.Json(license, LicenseKitJsonContext.Default.License, statusCode: statusCode);
    }

    private static IResult NotFound(HttpContext http) =>
        Problems.From(http, new LicenseError(LicenseErrorCodes.LicenseNotFound, "No license with this id exists.", "id"));

    private static bool Unknown(FieldReader fields, string name)
    {
        fields.Unknown(name);
        return false;
    }

    private static bool TryReadIfMatch(HttpContext http, out long? expectedVersion)
    {
        expectedVersion = null;
        var values = http.Request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(values))
        {
            return true;
        }

        if (values.Count != 1 || !EntityTagHeaderValue.TryParse(values[0], out var tag))
        {
            return false;
        }

        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return true;
        }

        // If-Match compares strongly: a weak tag never matches.
        if (tag.IsWeak || !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        expectedVersion = version;
        return true;
    }

    private static string? SingleHeader(HttpContext http, string header, string field, FieldReader fields) =>
        SingleValue(http.Request.Headers[header], header, field, fields);

    private static string? Query(HttpContext http, string name, FieldReader fields) =>
        SingleValue(http.Request.Query[name], name, name, fields);

    // A header or query parameter given twice is ambiguous: refuse it rather than pick one.
    private static string? SingleValue(StringValues values, string name, string field, FieldReader fields)
    {
        if (values.Count > 1)
        {
            fields.Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{name}' must be given once.", field);
            return null;
        }

        return values.Count == 1 ? values[0] : null;
    }

    private static DateTimeOffset? QueryTimestamp(HttpContext http, string name, FieldReader fields)
    {
        if (Query(http, name, fields) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return timestamp;
        }

        fields.Add(LicenseHttpErrorCodes.FieldInvalidType, $"'{name}' must be an ISO 8601 timestamp such as 2026-05-11T00:00:00Z.", name);
        return null;
    }
}
