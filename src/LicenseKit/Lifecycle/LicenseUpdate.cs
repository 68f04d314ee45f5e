namespace LicenseKit;

/// <summary>
/// A partial change to a license: only the fields that are set (<see cref="Optional{T}.HasValue"/>) change. An update
/// that changes nothing writes nothing and keeps <see cref="License.UpdatedAt"/>.
/// </summary>
public sealed record LicenseUpdate
{
    /// <summary>The new status; see the transition table on <see cref="LicenseStatus"/>.</summary>
    public Optional<LicenseStatus> Status { get; init; }

    /// <summary>The new activations limit (null = unlimited); refused below the current instances count.</summary>
    public Optional<int?> ActivationsLimit { get; init; }

    /// <summary>A new validity in hours from the license's creation; sets <see cref="License.ExpiresAt"/> accordingly. Null removes the expiry.</summary>
    public Optional<int?> DurationHours { get; init; }

    /// <summary>A new absolute expiry (null = never), not before the creation time; clears <see cref="License.DurationHours"/>. Cannot be combined with <see cref="DurationHours"/>.</summary>
    public Optional<DateTimeOffset?> ExpiresAt { get; init; }

    /// <summary>The new activation message (null removes it).</summary>
    public Optional<string?> ActivationMessage { get; init; }

    /// <summary>The new metadata, replacing the old as a whole (null removes it).</summary>
    public Optional<IReadOnlyDictionary<string, string>?> Metadata { get; init; }

    /// <summary>The license's own entitlements, replacing the old as a whole (null or empty removes them); the product's are unaffected.</summary>
    public Optional<IReadOnlyList<string>?> Entitlements { get; init; }

    /// <summary>Archive (<see langword="true"/>) or unarchive (<see langword="false"/>) the license.</summary>
    public Optional<bool> Archived { get; init; }
}
