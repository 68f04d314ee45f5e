namespace LicenseKit.Internal;

/// <summary>
/// The one home of how LicenseKit's immutable name sets (<see cref="LicenseEntitlements"/>, <see cref="LicenseEventTargets"/>)
/// hold their names: each kept once, sorted and compared ordinally, so equal sets are equal arrays.
/// </summary>
internal static class OrdinalNames
{
    /// <summary>The distinct names in ordinal order; <paramref name="check"/> (when given) throws for a name the set refuses.</summary>
    public static string[] Sort(IEnumerable<string> names, string parameterName, Action<string>? check = null)
    {
        ArgumentNullException.ThrowIfNull(names, parameterName);
        var sorted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            ArgumentNullException.ThrowIfNull(name, parameterName);
            check?.Invoke(name);
            sorted.Add(name);
        }

        return [.. sorted];
    }

    public static bool Contains(string[] sorted, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Array.BinarySearch(sorted, name, StringComparer.Ordinal) >= 0;
    }

    public static bool AreEqual(string[] sorted, string[] other) => sorted.AsSpan().SequenceEqual(other);

    public static int HashOf(string[] sorted)
    {
        var hash = new HashCode();
        foreach (var name in sorted)
        {
            hash.Add(name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
