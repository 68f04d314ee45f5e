using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// The answer to an activation or a heartbeat: the instance (with its lease end when it holds a floating seat), the
/// message to show and, when a signer is registered, the signed license.
/// </summary>
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

    [JsonPropertyName("lease_expires_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    [JsonPropertyName("activation_message")]
    public string? ActivationMessage { get; init; }

    [JsonPropertyName("signed_license")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignedLicense { get; init; }

    // Only ever true: present when the activation was stored but its token could not be signed (see
    // LicenseActivationResponse.SignedLicenseUnavailable); absent otherwise, so a normal answer keeps its shape.
    [JsonPropertyName("signed_license_unavailable")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SignedLicenseUnavailable { get; init; }

    public static ActivationResponse From(LicenseActivationResponse activation) =>
        From(activation.Instance, activation.License, activation.SignedLicense) with { SignedLicenseUnavailable = activation.SignedLicenseUnavailable };

    public static ActivationResponse From(LicenseHeartbeatResponse heartbeat) =>
        From(heartbeat.Instance, heartbeat.License, heartbeat.SignedLicense) with { SignedLicenseUnavailable = heartbeat.SignedLicenseUnavailable };

    private static ActivationResponse From(LicenseInstance instance, License license, string? signedLicense) => new()
    {
        Id = instance.Id,
        BusinessId = instance.BusinessId,
        LicenseKeyId = instance.LicenseId,
        Name = instance.Name,
        Fingerprint = instance.Fingerprint,
        CreatedAt = instance.CreatedAt,
        LeaseExpiresAt = instance.LeaseExpiresAt,
        ActivationMessage = license.ActivationMessage,
        SignedLicense = signedLicense,
    };
}
