using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LicenseKit.Internal;

/// <summary>
/// Reads a request body as one JSON object, bounded in size and depth. Every way a body can be wrong becomes a
/// <see cref="LicenseError"/> (and so a 400/415 problem), never an exception.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = LicenseKitHttpLimits.MaxJsonDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads the body; on success the caller owns (and disposes) the document.</summary>
    public static async ValueTask<(PooledJsonDocument Document, LicenseError? Error)> ReadObjectAsync(HttpRequest request, LicenseErrorDescriber describe, CancellationToken cancellationToken)
    {
        if (request.ContentLength > LicenseKitHttpLimits.MaxRequestBodyBytes)
        {
            return (default, describe.RequestBodyTooLarge(LicenseKitHttpLimits.MaxRequestBodyBytes));
        }

        // The document is parsed in the pooled buffer the body is read into, which goes back to the pool with it:
        // activation traffic should neither allocate 64 KiB per request nor copy each body.
        var buffer = ArrayPool<byte>.Shared.Rent(LicenseKitHttpLimits.MaxRequestBodyBytes + 1);
        JsonDocument? document;
        LicenseError? error;
        try
        {
            (document, error) = await ParseAsync(request, buffer, describe, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A read that failed (the client went away) or was cancelled still gives the buffer back.
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (document is null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (default, error);
        }

        return (new PooledJsonDocument(document, buffer), null);
    }

    private static async ValueTask<(JsonDocument? Document, LicenseError? Error)> ParseAsync(HttpRequest request, byte[] buffer, LicenseErrorDescriber describe, CancellationToken cancellationToken)
    {
        int length;
        try
        {
            length = await ReadBoundedAsync(request.Body, buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, describe.RequestBodyTooLarge(LicenseKitHttpLimits.MaxRequestBodyBytes));
        }
        catch (BadHttpRequestException e)
        {
            return (null, describe.RequestBodyUnreadable(e.Message));
        }

        if (length > LicenseKitHttpLimits.MaxRequestBodyBytes)
        {
            return (null, describe.RequestBodyTooLarge(LicenseKitHttpLimits.MaxRequestBodyBytes));
        }

        if (length == 0)
        {
            return (null, describe.RequestBodyRequired());
        }

        if (!IsJson(request.ContentType))
        {
            return (null, describe.UnsupportedMediaType());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length), DocumentOptions);
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            return (null, describe.InvalidJson(e.Message));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, describe.RequestBodyNotObject());
        }

        return (document, null);
    }

    // What the reader throws for a body it cannot take: a JsonException for the grammar, an InvalidOperationException
    // when the duplicate-property check decodes a name that holds a lone surrogate escape ("\ud800", at any depth), an
    // ArgumentException (DecoderFallbackException) for bytes that do not decode. Anything else is a bug and surfaces.
    private static bool IsMalformedInput(Exception e) => e is JsonException or InvalidOperationException or ArgumentException;

    /// <summary>Reads at most one byte more than the limit, so an oversized body is detected without buffering it.</summary>
    private static async ValueTask<int> ReadBoundedAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total <= LicenseKitHttpLimits.MaxRequestBodyBytes)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, LicenseKitHttpLimits.MaxRequestBodyBytes + 1 - total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        return mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}
