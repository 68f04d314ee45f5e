using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>
/// A 200 with a JSON body, serialized in one synchronous pass into the response's own buffer by a writer the thread
/// reuses, then flushed once. <c>TypedResults.Json</c> serializes asynchronously, which costs a writer, a serialization
/// state and an async state machine per answer, for answers that fit in one buffer. The same
/// <see cref="JsonTypeInfo{T}"/> and writer options give the same bytes and the same <c>Content-Type</c>.
/// </summary>
internal sealed class JsonResponse<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonResponseWriter.ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        JsonResponseWriter.Write(response.BodyWriter, value, typeInfo);
        return response.BodyWriter.FlushAsync(httpContext.RequestAborted).AsTask();
    }
}
