using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LicenseKit.Internal;

/// <summary>The fields of a request body type, in wire order, found by wire name.</summary>
/// <typeparam name="TBody">The body type the fields fill.</typeparam>
internal sealed class BodyFields<TBody>(params BodyField<TBody>[] fields)
{
    /// <summary>The fields in the order the document lists them.</summary>
    public IReadOnlyList<BodyField<TBody>> All { get; } = fields;

    /// <summary>
    /// The field <paramref name="property"/> names. Its name is compared as UTF-8 in the document, not made into a string:
    /// a body has a handful of fields, and every request would otherwise allocate the name of each property it sends.
    /// </summary>
    public bool TryGet(JsonProperty property, [MaybeNullWhen(false)] out BodyField<TBody> field)
    {
        foreach (var candidate in fields)
        {
            if (property.NameEquals(candidate.Utf8Name))
            {
                field = candidate;
                return true;
            }
        }

        field = null;
        return false;
    }
}
