using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace LicenseKit.Internal;

/// <summary>
/// What the endpoints declare for the OpenAPI document beyond their handlers' signatures: request bodies and query
/// parameters described from the request types' own fields, the conditional and idempotency headers, and the problem
/// responses. Declaration only; reading stays in the endpoints.
/// </summary>
internal static class OpenApiMetadata
{
    /// <summary>
    /// Describes a JSON request body from the body type's fields, and the problems any body can cause (400, 413, 415).
    /// <c>Accepts&lt;T&gt;()</c> would also make routing refuse other media types with a bare 415 before the endpoint
    /// runs; the endpoints check the media type themselves so that the refusal is a problem like every other error.
    /// </summary>
    public static RouteHandlerBuilder WithJsonRequestBody<TBody>(this RouteHandlerBuilder builder, params string[] contentTypes)
        where TBody : class, IRequestBody<TBody>, new() =>
        builder
            .ProducesLicenseProblem(StatusCodes.Status400BadRequest)
            .ProducesLicenseProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesLicenseProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                var body = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
                foreach (var contentType in contentTypes)
                {
                    body.Content[contentType] = new OpenApiMediaType { Schema = FieldSchemas.ForBody(TBody.Fields) };
                }

                operation.RequestBody = body;
                return Task.CompletedTask;
            });

    /// <summary>Describes the query parameters of a query type, all optional.</summary>
    public static RouteHandlerBuilder WithQueryParameters<TQuery>(this RouteHandlerBuilder builder, IReadOnlyList<QueryParameter<TQuery>> parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                var schema = FieldSchemas.For(parameter.Kind, parameter.AllowedValues);
                schema.Type &= ~JsonSchemaType.Null; // a query parameter is absent, never null
                operation.Parameters.Add(new OpenApiParameter { Name = parameter.Name, In = ParameterLocation.Query, Required = false, Schema = schema });
            }

            return Task.CompletedTask;
        });

    /// <summary>Describes an optional request header.</summary>
    public static RouteHandlerBuilder WithHeaderParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = false,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>Declares a problem response with the library's shape (<c>code</c>, <c>errors</c>, <c>traceId</c>).</summary>
    public static TBuilder ProducesLicenseProblem<TBuilder>(this TBuilder builder, int statusCode)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemResponse), [Problems.ContentType]));
}
