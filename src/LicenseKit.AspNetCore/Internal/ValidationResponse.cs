using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// The answer to a validation. <typeparamref name="TLicense"/> is what the key holder is shown of the license: the
/// <see cref="KeyHolderLicense"/> projection by default, the whole <see cref="License"/> when the host discloses it.
/// <c>entitlements</c>, what the license grants (its product's and its own), appears only when it grants some.
/// </summary>
/// <typeparam name="TLicense">The license's shape.</typeparam>
internal sealed record ValidationResponse<TLicense>(
    [property: JsonPropertyName(ValidationWireNames.Valid)] bool Valid,
    [property: JsonPropertyName(ValidationWireNames.Code)] LicenseValidationCode Code,
    [property: JsonPropertyName(ValidationWireNames.License)] TLicense? License,
    [property: JsonPropertyName(ValidationWireNames.SignedLicense), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SignedLicense = null,
    [property: JsonPropertyName(ValidationWireNames.Entitlements), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Entitlements = null)
    where TLicense : class;
