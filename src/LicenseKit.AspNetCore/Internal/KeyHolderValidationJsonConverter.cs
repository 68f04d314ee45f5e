using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LicenseKit.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// Writes the default answer of <c>POST /licenses/validate</c>, the call every installed application makes, with the
/// writer's own calls. The contract (<see cref="LicenseKitHttpJsonContext.KeyHolderValidationResponse"/>) still describes
/// the answer for OpenAPI and for reading; but its timestamp converter keeps the serializer off its generated fast path,
/// so the serializer would walk the metadata property by property and allocate a frame stack for the nested license on
/// every answer. The bytes are the contract's: the tests compare both writers on every shape of the answer.
/// </summary>
internal sealed class KeyHolderValidationJsonConverter : JsonConverter<ValidationResponse<KeyHolderLicense>>
{
    private static readonly JsonEncodedText Valid = JsonEncodedText.Encode(ValidationWireNames.Valid);
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode(ValidationWireNames.Code);
    private static readonly JsonEncodedText License = JsonEncodedText.Encode(ValidationWireNames.License);
    private static readonly JsonEncodedText SignedLicense = JsonEncodedText.Encode(ValidationWireNames.SignedLicense);
    private static readonly JsonEncodedText Entitlements = JsonEncodedText.Encode(ValidationWireNames.Entitlements);
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode(ValidationWireNames.Id);
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode(ValidationWireNames.Key);
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode(ValidationWireNames.Status);
    private static readonly JsonEncodedText BusinessId = JsonEncodedText.Encode(ValidationWireNames.BusinessId);
    private static readonly JsonEncodedText ProductId = JsonEncodedText.Encode(ValidationWireNames.ProductId);
    private static readonly JsonEncodedText ActivationsLimit = JsonEncodedText.Encode(ValidationWireNames.ActivationsLimit);
    private static readonly JsonEncodedText ActivationMessage = JsonEncodedText.Encode(ValidationWireNames.ActivationMessage);
    private static readonly JsonEncodedText InstancesCount = JsonEncodedText.Encode(ValidationWireNames.InstancesCount);
    private static readonly JsonEncodedText DurationHours = JsonEncodedText.Encode(ValidationWireNames.DurationHours);
    private static readonly JsonEncodedText ExpiresAt = JsonEncodedText.Encode(ValidationWireNames.ExpiresAt);
    private static readonly JsonEncodedText Archived = JsonEncodedText.Encode(ValidationWireNames.Archived);
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode(ValidationWireNames.CreatedAt);
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode(ValidationWireNames.UpdatedAt);

    private static readonly UtcTimestampJsonConverter Timestamps = new();

    /// <summary>The answer's type info for <see cref="JsonResponse{T}"/>: the contract's options (encoder, depth) with this converter.</summary>
    public static JsonTypeInfo<ValidationResponse<KeyHolderLicense>> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<ValidationResponse<KeyHolderLicense>>(LicenseKitHttpJsonContext.Default.Options, new KeyHolderValidationJsonConverter());

    public override ValidationResponse<KeyHolderLicense> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The validation answer is only written; read it with the contract's type info.");

    public override void Write(Utf8JsonWriter writer, ValidationResponse<KeyHolderLicense> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(Valid, value.Valid);
        writer.WriteString(Code, LicenseWireFormat.ToWire(value.Code));
        if (value.License is { } license)
        {
            writer.WritePropertyName(License);
            WriteLicense(writer, license, options);
        }
        else
        {
            writer.WriteNull(License);
        }

        // Left out when absent, as the contract's WhenWritingNull says.
        if (value.SignedLicense is { } signedLicense)
        {
            writer.WriteString(SignedLicense, signedLicense);
        }

        if (value.Entitlements is { } entitlements)
        {
            writer.WriteStartArray(Entitlements);
            foreach (var entitlement in entitlements)
            {
                writer.WriteStringValue(entitlement);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteLicense(Utf8JsonWriter writer, KeyHolderLicense license, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, license.Id);
        writer.WriteString(Key, license.Key);
        writer.WriteString(Status, LicenseWireFormat.ToWire(license.Status));
        writer.WriteString(BusinessId, license.BusinessId);
        writer.WriteString(ProductId, license.ProductId);
        WriteNumberOrNull(writer, ActivationsLimit, license.ActivationsLimit);
        writer.WriteString(ActivationMessage, license.ActivationMessage);
        writer.WriteNumber(InstancesCount, license.InstancesCount);
        WriteNumberOrNull(writer, DurationHours, license.DurationHours);
        writer.WritePropertyName(ExpiresAt);
        if (license.ExpiresAt is { } expiresAt)
        {
            Timestamps.Write(writer, expiresAt, options);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteBoolean(Archived, license.Archived);
        writer.WritePropertyName(CreatedAt);
        Timestamps.Write(writer, license.CreatedAt, options);
        writer.WritePropertyName(UpdatedAt);
        Timestamps.Write(writer, license.UpdatedAt, options);
        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
