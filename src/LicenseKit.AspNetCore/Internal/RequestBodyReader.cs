using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>
/// The one opening of every endpoint with a body: read it as a bounded JSON object, fill the body type field by field
/// from its <see cref="IRequestBody{TSelf}.Fields"/> (every bad or unknown field reported, absent told from null), let
/// the type read its headers, and answer a problem listing every error, or the body.
/// </summary>
/// <remarks>
/// System.Text.Json's deserializer would give duplicate, unmapped and required-member checks for free, but it stops at
/// the first error and cannot tell an absent field from a null one (which a merge patch needs); the document reader
/// keeps its strictness (duplicates, depth, comments, trailing commas) and the fields do the rest.
/// </remarks>
internal static class RequestBodyReader
{
    // A ValueTask: the body of a small request is usually in Kestrel's buffer already, and the read then completes
    // without allocating a task.
    public static async ValueTask<(TBody? Body, IResult? Problem)> ReadAsync<TBody>(HttpContext http, CancellationToken cancellationToken)
        where TBody : class, IRequestBody<TBody>, new()
    {
        var describe = Problems.Describer(http);
        var (document, bodyError) = await JsonBody.ReadObjectAsync(http.Request, describe, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return (null, Problems.From(http, bodyError));
        }

        using (document)
        {
            var fields = new FieldReader(describe);
            var body = new TBody();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (TBody.Fields.TryGet(property, out var field))
                {
                    field.Read(fields, property, body);
                }
                else
                {
                    fields.Unknown(property.Name);
                }
            }

            ((IRequestBody<TBody>)body).Complete(http.Request, fields);
            return fields.Errors is { } errors ? (null, Problems.From(http, errors)) : (body, null);
        }
    }
}
