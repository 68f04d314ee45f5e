namespace LicenseKit.Stores;

// Filling a store with many existing licenses at once (the scale benchmark's million), into the very indexes a create
// fills. No Issued events are recorded: the licenses were issued before, as with the SQL stores, whose bulk loads insert
// rows without events; recording a million event payloads would make the fill a JSON-serialization and GC benchmark.
public sealed partial class InMemoryLicenseStore
{
    /// <summary>Adds <paramref name="licenses"/> (keys hashed, ids and keys unique) as created, without their events.</summary>
    /// <exception cref="ArgumentException">A license has no key hash, has instances, or repeats an id or a key; nothing is added.</exception>
    internal void Load(IReadOnlyCollection<License> licenses)
    {
        ArgumentNullException.ThrowIfNull(licenses);
        var ids = new HashSet<string>(licenses.Count, StringComparer.Ordinal);
        var keys = new HashSet<(string, string)>(licenses.Count);
        foreach (var license in licenses)
        {
            // Instances are not loaded, so a count above zero would promise seats the store cannot show.
            if (license.InstancesCount != 0 || !ids.Add(license.Id) || !keys.Add((license.BusinessId, LicenseKeyHashRequirement.Of(license))))
            {
                throw new ArgumentException($"License {license.Id} has instances or repeats an id or a key.", nameof(licenses));
            }
        }

        lock (_gate)
        {
            if (licenses.Any(l => _byId.ContainsKey(l.Id) || _byKey.ContainsKey((l.BusinessId, l.KeyHash!))))
            {
                throw new ArgumentException("A license's id or key is already in the store.", nameof(licenses));
            }

            _byId.EnsureCapacity(_byId.Count + licenses.Count);
            _byKey.EnsureCapacity(_byKey.Count + licenses.Count);
            foreach (var license in licenses)
            {
                Insert(StoredForm(license), license.KeyHash!);
            }
        }
    }

    /// <summary>What the store keeps of a license: the plaintext key never, whatever the caller passed.</summary>
    private static License StoredForm(License license) => license.Key.Length == 0 ? license : license with { Key = string.Empty };

    /// <summary>Puts a new license in every index; the caller holds the lock and has checked its id and key are free.</summary>
    private void Insert(License license, string keyHash)
    {
        var entry = new Entry(license);
        _byId.Add(license.Id, entry);
        _byKey.Add((license.BusinessId, keyHash), entry);
        AddToListIndexes(entry);
    }
}
