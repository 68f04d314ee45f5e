using System.Text.Json.Serialization;
using LicenseKit.Webhooks.Internal;

namespace LicenseKit;

/// <summary>
/// The <c>data</c> of a webhook. Which fields are present depends on the event type (see docs/webhooks.md); absent
/// fields are left out of the JSON. Licenses and instances use exactly the wire format of the HTTP API.
/// </summary>
public sealed record LicenseWebhookData
{
    /// <summary>The license after the event; absent only for a failed validation whose key was not found.</summary>
    [JsonConverter(typeof(LicenseWireJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public License? License { get; init; }

    /// <summary>The license before the change (<c>license_key.updated</c>, <c>license_key.status_changed</c>).</summary>
    [JsonConverter(typeof(LicenseWireJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public License? PreviousLicense { get; init; }

    /// <summary>The activated or deactivated instance (<c>license_key.activated</c>, <c>license_key.deactivated</c>).</summary>
    [JsonConverter(typeof(LicenseInstanceWireJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LicenseInstance? Instance { get; init; }

    /// <summary>Why the validation failed (<c>license_key.validation_failed</c>), e.g. <c>EXPIRED</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LicenseValidationCode? ValidationCode { get; init; }
}
