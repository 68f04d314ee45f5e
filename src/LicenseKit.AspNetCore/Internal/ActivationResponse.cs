using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

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

    // Only ever true: present when the activation was stored but its token could not be signed (see
    // LicenseActivationResponse.SignedLicenseUnavailable); absent otherwise, so a normal answer keeps its shape.
    [JsonPropertyName("signed_license_unavailable")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SignedLicenseUnavailable { get; init; }

    public static ActivationResponse From(LicenseActivationResponse activation) => new()
    {
        Id = activation.Instance.Id,
        BusinessId = activation.Instance.BusinessId,
        LicenseKeyId = activation.Instance.LicenseId,
        Name = activation.Instance.Name,
        Fingerprint = activation.Instance.Fingerprint,
        CreatedAt = activation.Instance.CreatedAt,
        ActivationMessage = activation.ActivationMessage,
        SignedLicense = activation.SignedLicense,
        SignedLicenseUnavailable = activation.SignedLicenseUnavailable,
    };
}
