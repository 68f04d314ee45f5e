using System.Collections;
using LicenseKit.Internal;

namespace LicenseKit;

/// <summary>
/// An immutable set of delivery target names: the targets that have taken a recorded event
/// (<see cref="LicenseEventRecord.DeliveredTargets"/>). Names compare ordinally and enumerate in ordinal order, so two
/// sets with the same names are equal, and records holding them compare by value.
/// </summary>
/// <remarks>
/// A plain <see cref="ILicenseEventHandler"/> is one target, named by its type; an <see cref="ILicenseEventFanOutHandler"/>
/// is one target per name it reports, prefixed by its type. Stores persist the set as its names, one per line
/// (<see cref="ToString"/> and <see cref="Parse"/>), so a name may not hold a line break.
/// </remarks>
public sealed class LicenseEventTargets : IReadOnlyCollection<string>, IEquatable<LicenseEventTargets>
{
    private const char Separator = '\n';

    private readonly string[] _names;

    /// <summary>Creates a set from names; a repeated name is kept once.</summary>
    /// <param name="names">The names to copy.</param>
    /// <exception cref="ArgumentException">A name is empty or holds a line break.</exception>
    public LicenseEventTargets(IEnumerable<string> names) => _names = OrdinalNames.Sort(names, nameof(names), name =>
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A delivery target name must not be empty or hold a line break: '{name.ReplaceLineEndings(" ")}'.", nameof(names));
        }
    });

    /// <summary>Whether a set can hold <paramref name="name"/>: not empty and without a line break.</summary>
    internal static bool IsValidName(string name) => name.Length > 0 && !name.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The set without names: an event no target has taken yet.</summary>
    public static LicenseEventTargets Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _names.Length;

    /// <summary>Reads a set from its stored form (<see cref="ToString"/>).</summary>
    /// <param name="stored">The names one per line; <see langword="null"/> or empty for the empty set.</param>
    /// <returns>The set.</returns>
    public static LicenseEventTargets Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? Empty : new(stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether the set holds <paramref name="name"/> (ordinal comparison).</summary>
    /// <param name="name">The target name.</param>
    /// <returns><see langword="true"/> when the target has taken the event.</returns>
    public bool Contains(string name) => OrdinalNames.Contains(_names, name);

    /// <summary>Returns the names of this set and <paramref name="other"/> together.</summary>
    /// <param name="other">The names to add.</param>
    /// <returns>The union; this instance when <paramref name="other"/> adds nothing.</returns>
    public LicenseEventTargets Union(IEnumerable<string> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var union = new LicenseEventTargets(_names.Concat(other));
        return union.Count == Count ? this : union;
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(LicenseEventTargets? other) =>
        ReferenceEquals(this, other) || (other is not null && OrdinalNames.AreEqual(_names, other._names));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LicenseEventTargets);

    /// <inheritdoc />
    public override int GetHashCode() => OrdinalNames.HashOf(_names);

    /// <summary>The stored form: the names one per line, in ordinal order.</summary>
    /// <returns>The names joined by line breaks; empty for the empty set.</returns>
    public override string ToString() => string.Join(Separator, _names);
}
