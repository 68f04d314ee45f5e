using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>One error of a problem: its stable code, the wire name of the field to blame (if any) and a description.</summary>
internal sealed record ProblemError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("detail")] string Detail);
