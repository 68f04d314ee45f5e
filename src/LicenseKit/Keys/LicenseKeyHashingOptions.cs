namespace LicenseKit;

/// <summary>
/// The secrets license keys and idempotency keys are hashed with (<see cref="LicenseKitOptions.KeyHashing"/>,
/// configuration section <c>LicenseKit:KeyHashing</c>). Keep them out of source control, like a signing key.
/// </summary>
/// <remarks>
/// To rotate: add the new secret under a new id and deploy it to every host, then make it current; keys stored under the
/// old id are still found while the old secret stays listed, and <c>RehashLicenseKeysAsync</c> moves the ones whose
/// plaintext can be recovered.
/// </remarks>
public sealed class LicenseKeyHashingOptions
{
    /// <summary>The shortest secret accepted, in bytes (256 bits, the HMAC-SHA256 block's worth of strength).</summary>
    public const int MinSecretBytes = 32;

    /// <summary>The longest secret id: it is stored in front of every hash.</summary>
    public const int MaxSecretIdLength = 32;

    /// <summary>
    /// The hashing secrets by id, each base64 of at least <see cref="MinSecretBytes"/> random bytes
    /// (<c>openssl rand -base64 32</c>). Ids are 1–32 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, e.g. <c>2026-11</c>.
    /// </summary>
    public Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>The id in <see cref="Secrets"/> new hashes are made with; optional when there is exactly one secret.</summary>
    public string? CurrentSecretId { get; set; }
}
