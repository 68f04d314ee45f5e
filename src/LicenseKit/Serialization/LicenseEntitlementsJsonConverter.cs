using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>Reads and writes <see cref="LicenseEntitlements"/> as a JSON array of names, in ordinal order.</summary>
public sealed class LicenseEntitlementsJsonConverter : JsonConverter<LicenseEntitlements>
{
    /// <inheritdoc />
    public override LicenseEntitlements Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Entitlements must be a JSON array of strings.");
        }

        var names = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Each entitlement must be a string.");
            }

            names.Add(reader.GetString()!);
        }

        return new LicenseEntitlements(names);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LicenseEntitlements value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var name in value)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}
