namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>The row of a live activation instance; deactivation deletes it.</summary>
internal sealed class LicenseInstanceEntity
{
    public string Id { get; set; } = null!;

    public string BusinessId { get; set; } = null!;

    public string LicenseId { get; set; } = null!;

    public string Name { get; set; } = null!;

    public string? Fingerprint { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>When a floating seat's lease ends (Unix milliseconds); null for a node-locked instance.</summary>
    public long? LeaseExpiresAt { get; set; }
}
