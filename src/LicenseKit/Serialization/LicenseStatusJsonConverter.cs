using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>
/// Reads and writes <see cref="LicenseStatus"/> as <c>ACTIVE</c>, <c>DISABLED</c>, <c>REVOKED</c> (spelled by
/// <see cref="LicenseWireFormat"/>). Numbers and unknown names are rejected, so a client cannot smuggle in a status by its
/// ordinal.
/// </summary>
public sealed class LicenseStatusJsonConverter : JsonConverter<LicenseStatus>
{
    /// <inheritdoc/>
    public override LicenseStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && LicenseWireFormat.TryParseStatus(reader.GetString(), out var status))
        {
            return status;
        }

        throw new JsonException("A license status is one of ACTIVE, DISABLED or REVOKED.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LicenseStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LicenseWireFormat.ToWire(value));
    }
}
