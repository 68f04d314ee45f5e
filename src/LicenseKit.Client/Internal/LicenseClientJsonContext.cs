using System.Text.Json.Serialization;

namespace LicenseKit.Client.Internal;

/// <summary>Source-generated JSON for the client's wire and file shapes: no reflection, so trimming and native AOT stay warning-free.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ActivateRequest))]
[JsonSerializable(typeof(ActivateResponse))]
[JsonSerializable(typeof(ValidateRequest))]
[JsonSerializable(typeof(ValidateResponse))]
[JsonSerializable(typeof(DeactivateRequest))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(StoredLicenseFile))]
internal sealed partial class LicenseClientJsonContext : JsonSerializerContext;
