using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>One page of <c>GET /licenses</c>.</summary>
internal sealed record LicenseListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<License> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
