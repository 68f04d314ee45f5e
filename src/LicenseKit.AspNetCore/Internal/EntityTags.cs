using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LicenseKit.Internal;

/// <summary>A license's version as a strong ETag, and the conditional headers that compare against it.</summary>
internal static class EntityTags
{
    /// <summary>The strong ETag of a license version.</summary>
    public static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>Whether <c>If-None-Match</c> names this version (or <c>*</c>): the client holds it already.</summary>
    public static bool IfNoneMatchHolds(HttpRequest request, string etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));

    /// <summary>
    /// Reads <c>If-Match</c>: absent or <c>*</c> gives no expected version; one strong ETag this API wrote gives its
    /// version; anything else (weak, malformed, several) can never match and returns false.
    /// </summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? expectedVersion)
    {
        expectedVersion = null;
        var values = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(values))
        {
            return true;
        }

        if (values.Count != 1 || !EntityTagHeaderValue.TryParse(values[0], out var tag))
        {
            return false;
        }

        if (tag.Equals(EntityTagHeaderValue.Any))
        {
            return true;
        }

        // If-Match compares strongly: a weak tag never matches.
        if (tag.IsWeak || !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        expectedVersion = version;
        return true;
    }
}
