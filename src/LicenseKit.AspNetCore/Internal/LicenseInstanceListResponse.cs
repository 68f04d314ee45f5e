using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>The live instances of a license.</summary>
internal sealed record LicenseInstanceListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<LicenseInstance> Items);
