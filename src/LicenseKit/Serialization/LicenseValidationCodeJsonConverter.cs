using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>
/// Reads and writes <see cref="LicenseValidationCode"/> as its wire spelling (<c>VALID</c>, <c>NOT_FOUND</c>, …, spelled by
/// <see cref="LicenseWireFormat"/>). Numbers and unknown names are rejected.
/// </summary>
public sealed class LicenseValidationCodeJsonConverter : JsonConverter<LicenseValidationCode>
{
    /// <inheritdoc/>
    public override LicenseValidationCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && LicenseWireFormat.TryParseValidationCode(reader.GetString(), out var code))
        {
            return code;
        }

        throw new JsonException("Unknown license validation code.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LicenseValidationCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LicenseWireFormat.ToWire(value));
    }
}
