using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// The source-generated context of the HTTP responses. Its options match <see cref="LicenseKitJsonContext"/> (snake_case,
/// the seed's timestamps), so a license inside a list or a validation reads exactly as a license on its own.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(UtcTimestampJsonConverter)],
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(License))]
[JsonSerializable(typeof(LicenseListResponse))]
[JsonSerializable(typeof(LicenseInstanceListResponse))]
[JsonSerializable(typeof(ActivationResponse))]
[JsonSerializable(typeof(ValidationResponse<KeyHolderLicense>), TypeInfoPropertyName = "KeyHolderValidationResponse")]
[JsonSerializable(typeof(ValidationResponse<License>), TypeInfoPropertyName = "DetailedValidationResponse")]
[JsonSerializable(typeof(LicenseEventListResponse))]
[JsonSerializable(typeof(LicenseEventResponse))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(IReadOnlyList<ProblemError>))]
internal sealed partial class LicenseKitHttpJsonContext : JsonSerializerContext;
