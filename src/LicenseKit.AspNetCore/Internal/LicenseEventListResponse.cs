using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>One read of <c>GET /licenses/events</c>.</summary>
internal sealed record LicenseEventListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<LicenseEventResponse> Items,
    [property: JsonPropertyName("next_cursor")] string NextCursor);
