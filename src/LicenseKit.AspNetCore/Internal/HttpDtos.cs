using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

// The wire shapes of the HTTP endpoints besides License itself. Property names are spelled out so the OpenAPI
// document shows the same snake_case names whatever the host's JSON naming policy is.

/// <summary>One page of <c>GET /licenses</c>.</summary>
internal sealed record LicenseListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<License> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

/// <summary>The live instances of a license.</summary>
internal sealed record LicenseInstanceListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<LicenseInstance> Items);

/// <summary>The answer to an activation: the instance, the message to show and, when a signer is registered, the signed license.</summary>
internal sealed record ActivationResponse
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("business_id")]
    public required string BusinessId { get; init; }

    [JsonPropertyName("license_key_id")]
    public required string LicenseKeyId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("activation_message")]
    public string? ActivationMessage { get; init; }

    [JsonPropertyName("signed_license")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignedLicense { get; init; }
}

/// <summary>The answer to a validation, with the key holder's view of the license (the default).</summary>
internal sealed record ValidationResponse(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("code")] LicenseValidationCode Code,
    [property: JsonPropertyName("license")] KeyHolderLicense? License,
    [property: JsonPropertyName("signed_license"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SignedLicense = null);

/// <summary>The answer to a validation with the whole license, for hosts that disclose customer data to key holders.</summary>
internal sealed record DetailedValidationResponse(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("code")] LicenseValidationCode Code,
    [property: JsonPropertyName("license")] License? License,
    [property: JsonPropertyName("signed_license"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SignedLicense = null);

/// <summary>An RFC 9457 problem details body with the library's stable code and the offending fields.</summary>
internal sealed record ProblemResponse
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "about:blank";

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    [JsonPropertyName("instance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Instance { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("errors")]
    public required IReadOnlyList<ProblemError> Errors { get; init; }
}

/// <summary>One error of a problem: its stable code, the wire name of the field to blame (if any) and a description.</summary>
internal sealed record ProblemError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("detail")] string Detail);

// Request bodies, described for the OpenAPI document. The endpoints read bodies field by field (see JsonBody) so that
// every bad field is reported and an absent field differs from a null one.

/// <summary>The body of <c>POST /licenses</c>.</summary>
internal sealed record CreateLicenseBody(
    [property: JsonPropertyName("product_id")] string ProductId,
    [property: JsonPropertyName("customer_id")] string CustomerId,
    [property: JsonPropertyName("activations_limit")] int? ActivationsLimit,
    [property: JsonPropertyName("duration_hours")] int? DurationHours,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("payment_id")] string? PaymentId,
    [property: JsonPropertyName("activation_message")] string? ActivationMessage,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string>? Metadata);

/// <summary>The body of <c>PATCH /licenses/{id}</c> (JSON merge patch: absent keeps, null clears).</summary>
internal sealed record UpdateLicenseBody(
    [property: JsonPropertyName("status")] LicenseStatus? Status,
    [property: JsonPropertyName("activations_limit")] int? ActivationsLimit,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("duration_hours")] int? DurationHours,
    [property: JsonPropertyName("activation_message")] string? ActivationMessage,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string>? Metadata,
    [property: JsonPropertyName("archived")] bool? Archived);

/// <summary>The body of <c>POST /licenses/activate</c>.</summary>
internal sealed record ActivateBody(
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint);

/// <summary>The body of <c>POST /licenses/deactivate</c>.</summary>
internal sealed record DeactivateBody(
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("license_key_instance_id")] string LicenseKeyInstanceId);

/// <summary>The body of <c>POST /licenses/validate</c>.</summary>
internal sealed record ValidateBody(
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("license_key_instance_id")] string? LicenseKeyInstanceId,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint);
