namespace LicenseKit.EntityFrameworkCore;

/// <summary>What <see cref="Microsoft.EntityFrameworkCore.LicenseKitKeyHashingExtensions.HashLicenseKeysAsync"/> did.</summary>
/// <param name="HashedCount">Rows written before hashing whose plaintext key was replaced by its hash (and hint, and protected form).</param>
/// <param name="RehashedCount">Rows hashed under an older secret moved to the current one (their protected key was decrypted).</param>
/// <param name="IdempotencyKeysHashed">Idempotency records whose plaintext key was replaced by its hash.</param>
/// <param name="NotRehashableCount">
/// Rows still under an older secret with no recoverable plaintext (keys not stored): keep that secret configured, they are
/// found through it; they move to the current secret only if their keys are ever issued again.
/// </param>
/// <param name="ConflictingLicenseIds">
/// Rows whose key, normalized and hashed, equals another key of their business (a full-width twin an older normalization let
/// in): they keep their plaintext so nothing is lost; revoke or re-key one of the pair, then run the step again.
/// </param>
public sealed record LicenseKeyHashingResult(int HashedCount, int RehashedCount, int IdempotencyKeysHashed, int NotRehashableCount, IReadOnlyList<string> ConflictingLicenseIds);
