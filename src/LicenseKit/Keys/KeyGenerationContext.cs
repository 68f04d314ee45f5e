namespace LicenseKit;

/// <summary>What a key is generated for.</summary>
/// <param name="BusinessId">The business that will own the license.</param>
/// <param name="ProductId">The product the license is for.</param>
public readonly record struct KeyGenerationContext(string BusinessId, string ProductId);
