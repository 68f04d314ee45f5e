using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace LicenseKit.Internal;

/// <summary>The OpenAPI schema of each <see cref="LicenseFieldKind"/>, matching what its reader in <see cref="FieldReader"/> accepts.</summary>
internal static class FieldSchemas
{
    public static OpenApiSchema For(LicenseFieldKind kind, IReadOnlyList<string>? allowedValues = null)
    {
        var schema = kind switch
        {
            LicenseFieldKind.String => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            LicenseFieldKind.Integer => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            LicenseFieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            LicenseFieldKind.Timestamp => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time" },
            LicenseFieldKind.Status => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. FieldReader.StatusSpellings.Select(s => (JsonNode)s)] },
            LicenseFieldKind.Metadata => new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            LicenseFieldKind.Entitlements => new OpenApiSchema
            {
                Type = JsonSchemaType.Array | JsonSchemaType.Null,
                MaxItems = LicenseLimits.MaxEntitlements,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = LicenseLimits.MaxEntitlementNameLength },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        if (allowedValues is { Count: > 0 })
        {
            schema.Enum = [.. allowedValues.Select(v => (JsonNode)v)];
        }

        return schema;
    }

    /// <summary>The schema of a request body: every field with its kind, the required ones listed, nothing else allowed.</summary>
    public static OpenApiSchema ForBody<TBody>(BodyFields<TBody> fields)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
        };
        foreach (var field in fields.All)
        {
            schema.Properties[field.Name] = For(field.Kind);
            if (field.Required)
            {
                schema.Required.Add(field.Name);
            }
        }

        return schema;
    }
}
