using System.Collections;
using LicenseKit.Internal;
using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit;

/// <summary>
/// An immutable set of entitlement names (the features a product or license grants, e.g. <c>export-pdf</c>). Names
/// compare ordinally (case-sensitive) and enumerate in ordinal order, so two sets with the same names are equal and
/// serialize the same way whatever order they were given in.
/// </summary>
[JsonConverter(typeof(LicenseEntitlementsJsonConverter))]
public sealed class LicenseEntitlements : IReadOnlyCollection<string>, IEquatable<LicenseEntitlements>
{
    private readonly string[] _names;

    /// <summary>Creates a set from names; a repeated name is kept once.</summary>
    /// <param name="names">The names to copy.</param>
    public LicenseEntitlements(IEnumerable<string> names) => _names = OrdinalNames.Sort(names, nameof(names));

    /// <summary>
    /// Whether <paramref name="name"/> may be an entitlement name: 1 to <see cref="LicenseLimits.MaxEntitlementNameLength"/>
    /// ASCII letters, digits, <c>.</c>, <c>_</c>, <c>-</c> and <c>:</c>, starting with a letter or digit (e.g. <c>export-pdf</c>,
    /// <c>reports:advanced</c>), so names travel unescaped through JSON, URLs, headers and database columns.
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValidName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > LicenseLimits.MaxEntitlementNameLength || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The set without names.</summary>
    public static LicenseEntitlements Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _names.Length;

    /// <summary>Whether the set holds <paramref name="name"/> (ordinal comparison).</summary>
    /// <param name="name">The entitlement name.</param>
    /// <returns><see langword="true"/> when the name is in the set.</returns>
    public bool Contains(string name) => OrdinalNames.Contains(_names, name);

    /// <summary>Returns the names of this set and <paramref name="other"/> together.</summary>
    /// <param name="other">The names to add.</param>
    /// <returns>The union; this instance when <paramref name="other"/> adds nothing.</returns>
    public LicenseEntitlements Union(IEnumerable<string> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var union = new LicenseEntitlements(_names.Concat(other));
        return union.Count == Count ? this : union;
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(LicenseEntitlements? other) =>
        ReferenceEquals(this, other) || (other is not null && OrdinalNames.AreEqual(_names, other._names));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LicenseEntitlements);

    /// <inheritdoc />
    public override int GetHashCode() => OrdinalNames.HashOf(_names);

    /// <summary>The names, comma-separated in ordinal order.</summary>
    /// <returns>E.g. <c>export-pdf,sso</c>; empty for the empty set.</returns>
    public override string ToString() => string.Join(',', _names);
}
