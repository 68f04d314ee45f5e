using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>
/// A request body type: it owns its wire names (<see cref="Fields"/>, the one place each is written) and what it reads
/// besides the JSON object. <see cref="RequestBodyReader"/> reads any of them; the OpenAPI document describes them from
/// the same fields.
/// </summary>
/// <typeparam name="TSelf">The body type.</typeparam>
internal interface IRequestBody<TSelf>
    where TSelf : class, IRequestBody<TSelf>, new()
{
    /// <summary>The fields of the body by wire name.</summary>
    static abstract BodyFields<TSelf> Fields { get; }

    /// <summary>Reads what lives outside the body (headers) and checks what the core does not, after every field was read.</summary>
    void Complete(HttpRequest request, FieldReader fields)
    {
    }
}
