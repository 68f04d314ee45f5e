using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>
/// The source-generated System.Text.Json context of the wire format: snake_case names, statuses as <c>ACTIVE</c>,
/// timestamps as <c>2026-05-11T01:12:25.764Z</c>. Use <c>LicenseKitJsonContext.Default.License</c> to serialize a license
/// exactly as the HTTP API does.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(UtcTimestampJsonConverter)],
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(License))]
[JsonSerializable(typeof(LicenseInstance))]
[JsonSerializable(typeof(IReadOnlyList<LicenseInstance>))]
[JsonSerializable(typeof(IssueLicenseRequest))]
[JsonSerializable(typeof(LicenseValidationCode))]
[JsonSerializable(typeof(LicenseError))]
public sealed partial class LicenseKitJsonContext : JsonSerializerContext;
