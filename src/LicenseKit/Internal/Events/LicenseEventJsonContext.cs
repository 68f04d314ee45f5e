using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit.Internal;

/// <summary>Writes recorded event payloads with the options of <see cref="LicenseKitJsonContext"/>, so licenses inside read as the HTTP API writes them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(UtcTimestampJsonConverter)],
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(LicenseEventData))]
internal sealed partial class LicenseEventJsonContext : JsonSerializerContext;
