namespace LicenseKit.Samples.Api.Security;

/// <summary>What one configured API key allows.</summary>
/// <param name="KeyHash">The SHA-256 hash of the key.</param>
/// <param name="BusinessId">The business every call made with the key is scoped to.</param>
/// <param name="IsSecret">A secret key (<c>sk_…</c>) may manage licenses; a publishable one only activates and validates.</param>
internal sealed record ApiKeyGrant(byte[] KeyHash, string BusinessId, bool IsSecret);
