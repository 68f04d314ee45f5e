using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>An RFC 9457 problem details body with the library's stable code and the offending fields.</summary>
internal sealed record ProblemResponse
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "about:blank";

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("status")]
    public required int Status { get; init; }

    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    [JsonPropertyName("instance")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Instance { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("errors")]
    public required IReadOnlyList<ProblemError> Errors { get; init; }

    /// <summary>The id of the request's trace, to find its logs (what ASP.NET Core's problem details writer adds too).</summary>
    [JsonPropertyName("traceId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceId { get; init; }
}
