using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>Reads and writes <see cref="LicenseMetadata"/> as a JSON object of string values, keeping the order.</summary>
public sealed class LicenseMetadataJsonConverter : JsonConverter<LicenseMetadata>
{
    /// <inheritdoc />
    public override LicenseMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Metadata must be a JSON object of string values.");
        }

        var entries = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Metadata value of '{key}' must be a string.");
            }

            entries.Add(new(key, reader.GetString()!));
        }

        return new LicenseMetadata(entries);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LicenseMetadata value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, entry) in value)
        {
            writer.WriteString(key, entry);
        }

        writer.WriteEndObject();
    }
}
