using System.Text.Json;
using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit.Webhooks.Internal;

/// <summary>
/// Writes a license inside a webhook through the core's <see cref="LicenseKitJsonContext"/>, so the wire format of a
/// license keeps its one home there and a webhook's license is byte for byte what the HTTP API returns.
/// </summary>
internal sealed class LicenseWireJsonConverter : JsonConverter<License>
{
    public override License? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, LicenseKitJsonContext.Default.License);

    public override void Write(Utf8JsonWriter writer, License value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, LicenseKitJsonContext.Default.License);
}
