using LicenseKit;

/// <summary>Stands for the reader's own key format.</summary>
public sealed class MyKeyGenerator : IKeyGenerator
{
    public string GenerateKey(in KeyGenerationContext context) => $"{context.ProductId}-{Guid.NewGuid():N}";
}
