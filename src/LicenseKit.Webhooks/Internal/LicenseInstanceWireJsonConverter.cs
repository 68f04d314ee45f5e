using System.Text.Json;
using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit.Webhooks.Internal;

/// <summary>Writes an instance inside a webhook through the core's <see cref="LicenseKitJsonContext"/> (see <see cref="LicenseWireJsonConverter"/>).</summary>
internal sealed class LicenseInstanceWireJsonConverter : JsonConverter<LicenseInstance>
{
    public override LicenseInstance? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, LicenseKitJsonContext.Default.LicenseInstance);

    public override void Write(Utf8JsonWriter writer, LicenseInstance value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, LicenseKitJsonContext.Default.LicenseInstance);
}
