using System.Text.Json;
using Microsoft.OpenApi;

namespace Microsoft.AspNetCore.OpenApi;

/// <summary>Makes the host's OpenAPI document describe LicenseKit's types as they go over the wire.</summary>
public static class LicenseKitOpenApiOptionsExtensions
{
    /// <summary>
    /// Adds a schema transformer for the LicenseKit types (<c>License</c>, <c>LicenseInstance</c>, …). The endpoints write
    /// them with LicenseKit's own snake_case serializer, but the document generator describes them with the host's JSON
    /// options (camelCase, numbers readable from strings by default); this renames their properties to snake_case and
    /// drops the string alternative of integers, so the document matches the responses.
    /// </summary>
    /// <param name="options">The options of <c>services.AddOpenApi(o =&gt; o.AddLicenseKitSchemas())</c>.</param>
    /// <returns>The options.</returns>
    public static OpenApiOptions AddLicenseKitSchemas(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type.Assembly == typeof(LicenseKit.License).Assembly && schema.Properties is { Count: > 0 } properties)
            {
                var renamed = properties.ToDictionary(p => ToWireName(p.Key), p => p.Value, StringComparer.Ordinal);
                properties.Clear();
                foreach (var (name, property) in renamed)
                {
                    if (property is OpenApiSchema { Type: { } type } concrete && type.HasFlag(JsonSchemaType.Integer) && type.HasFlag(JsonSchemaType.String))
                    {
                        concrete.Type = type & ~JsonSchemaType.String;
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

            return Task.CompletedTask;
        });
    }

    private static string ToWireName(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
