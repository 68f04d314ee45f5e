namespace LicenseKit.Stores;

/// <summary>An idempotency key stored with the license it created, and a hash of the request that created it.</summary>
/// <param name="KeyHash">
/// The keyed hash (<see cref="ILicenseKeyHasher"/>) of the caller's idempotency key, unique per business: the key itself
/// never reaches a store.
/// </param>
/// <param name="RequestHash">A hash of the request, to tell a retry from a different request reusing the key.</param>
public sealed record LicenseIdempotency(string KeyHash, string RequestHash);
