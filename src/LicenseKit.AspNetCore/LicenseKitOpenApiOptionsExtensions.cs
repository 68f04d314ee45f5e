using System.Text.Json;
using System.Text.Json.Nodes;
using LicenseKit;
using LicenseKit.Serialization;
using Microsoft.OpenApi;

namespace Microsoft.AspNetCore.OpenApi;

/// <summary>Makes the host's OpenAPI document describe LicenseKit's types as they go over the wire.</summary>
public static class LicenseKitOpenApiOptionsExtensions
{
    /// <summary>
    /// Adds a schema transformer for the LicenseKit types (<c>License</c>, <c>LicenseInstance</c>, …). The endpoints write
    /// them with LicenseKit's own snake_case serializer, but the document generator describes them with the host's JSON
    /// options (camelCase, numbers readable from strings by default); this renames their properties to snake_case,
    /// drops the string alternative of integers, and describes the types LicenseKit writes with its own converters
    /// (status and validation code as string enumerations, metadata as an object of strings), so the document matches
    /// the responses.
    /// </summary>
    /// <param name="options">The options of <c>services.AddOpenApi(o =&gt; o.AddLicenseKitSchemas())</c>.</param>
    /// <returns>The options.</returns>
    public static OpenApiOptions AddLicenseKitSchemas(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(LicenseStatus))
            {
                DescribeEnumeration(schema, Enum.GetValues<LicenseStatus>().Select(LicenseWireFormat.ToWire));
            }
            else if (type == typeof(LicenseValidationCode))
            {
                DescribeEnumeration(schema, Enum.GetValues<LicenseValidationCode>().Select(LicenseWireFormat.ToWire));
            }
            else if (type == typeof(LicenseMetadata))
            {
                schema.Type = JsonSchemaType.Object;
                schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String };
            }
            else if (type.Assembly == typeof(License).Assembly && schema.Properties is { Count: > 0 } properties)
            {
                RenameToWireNames(schema, properties);
            }

            return Task.CompletedTask;
        });
    }

    private static void DescribeEnumeration(OpenApiSchema schema, IEnumerable<string> spellings)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. spellings.Select(s => (JsonNode)s)];
    }

    private static void RenameToWireNames(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties)
    {
        var renamed = properties.ToDictionary(p => ToWireName(p.Key), p => p.Value, StringComparer.Ordinal);
        properties.Clear();
        foreach (var (name, property) in renamed)
        {
            if (property is OpenApiSchema { Type: { } propertyType } concrete && propertyType.HasFlag(JsonSchemaType.Integer) && propertyType.HasFlag(JsonSchemaType.String))
            {
                concrete.Type = propertyType & ~JsonSchemaType.String;
                concrete.Pattern = null;
            }

            properties[name] = property;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            var names = required.Select(ToWireName).ToArray();
            required.Clear();
            foreach (var name in names)
            {
                required.Add(name);
            }
        }
    }

    private static string ToWireName(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
