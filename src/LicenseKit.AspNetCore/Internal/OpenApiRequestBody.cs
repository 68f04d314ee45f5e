using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace LicenseKit.Internal;

/// <summary>
/// Describes a JSON request body in the OpenAPI document only, from the body type's own fields. <c>Accepts&lt;T&gt;()</c>
/// would also make routing refuse other media types with a bare 415 before the endpoint runs; the endpoints check the
/// media type themselves so that the refusal is a problem details like every other error.
/// </summary>
internal static class OpenApiRequestBody
{
    public static RouteHandlerBuilder WithJsonRequestBody<TBody>(this RouteHandlerBuilder builder, params string[] contentTypes)
        where TBody : class, IRequestBody<TBody>, new() =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var body = new Microsoft.OpenApi.OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
            foreach (var contentType in contentTypes)
            {
                body.Content[contentType] = new OpenApiMediaType { Schema = FieldSchemas.ForBody(TBody.Fields) };
            }

            operation.RequestBody = body;
            return Task.CompletedTask;
        });
}
