using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>
/// The source-generated System.Text.Json context of webhook bodies: snake_case names, timestamps as
/// <c>2026-05-11T01:12:25.764Z</c>, licenses and instances in the wire format of <see cref="LicenseKitJsonContext"/>.
/// Receivers read a verified body with <c>LicenseWebhookJsonContext.Default.LicenseWebhookPayload</c>; unknown members
/// are skipped, so fields added later do not break them.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(UtcTimestampJsonConverter)],
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(LicenseWebhookPayload))]
public sealed partial class LicenseWebhookJsonContext : JsonSerializerContext;
