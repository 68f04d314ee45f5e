using System.Collections.Frozen;

namespace LicenseKit.Internal;

/// <summary>The fields of a request body type, in wire order, found by wire name.</summary>
/// <typeparam name="TBody">The body type the fields fill.</typeparam>
internal sealed class BodyFields<TBody>
{
    private readonly FrozenDictionary<string, BodyField<TBody>> _byName;

    public BodyFields(params BodyField<TBody>[] fields)
    {
        All = fields;
        _byName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The fields in the order the document lists them.</summary>
    public IReadOnlyList<BodyField<TBody>> All { get; }

    public bool TryGet(string name, out BodyField<TBody> field) => _byName.TryGetValue(name, out field!);
}
