using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using LicenseKit.Serialization;

namespace LicenseKit;

/// <summary>
/// An immutable, ordered string-to-string map attached to a license. It compares by content (order-insensitive),
/// so <see cref="License"/> records holding equal metadata are equal.
/// </summary>
[JsonConverter(typeof(LicenseMetadataJsonConverter))]
public sealed class LicenseMetadata : IReadOnlyDictionary<string, string>, IEquatable<LicenseMetadata>
{
    private readonly KeyValuePair<string, string>[] _entries;
    private readonly Dictionary<string, string> _lookup;

    /// <summary>Creates metadata from key/value pairs, keeping their order. A repeated key keeps its last value.</summary>
    /// <param name="entries">The pairs to copy.</param>
    public LicenseMetadata(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in entries)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(entries));
            ArgumentNullException.ThrowIfNull(value, nameof(entries));
            if (_lookup.TryAdd(key, value))
            {
                ordered.Add(new(key, value));
            }
            else
            {
                _lookup[key] = value;
                ordered[ordered.FindIndex(p => p.Key == key)] = new(key, value);
            }
        }

        _entries = [.. ordered];
    }

    /// <summary>Copies <paramref name="source"/>, or returns <see langword="null"/> when it is <see langword="null"/>.</summary>
    /// <param name="source">The dictionary to copy.</param>
    /// <returns>The metadata, or <see langword="null"/>.</returns>
    [return: NotNullIfNotNull(nameof(source))]
    public static LicenseMetadata? From(IReadOnlyDictionary<string, string>? source) => source switch
    {
        null => null,
        LicenseMetadata metadata => metadata,
        _ => new LicenseMetadata(source),
    };

    /// <inheritdoc />
    public string this[string key] => _lookup[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => _entries.Select(e => e.Value);

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _lookup.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(LicenseMetadata? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!other._lookup.TryGetValue(key, out var otherValue) || !string.Equals(value, otherValue, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LicenseMetadata);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-insensitive: XOR of the per-entry hashes.
        var hash = 0;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), StringComparer.Ordinal.GetHashCode(value));
        }

        return HashCode.Combine(Count, hash);
    }
}
