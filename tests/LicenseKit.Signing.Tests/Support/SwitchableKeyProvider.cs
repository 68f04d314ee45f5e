namespace LicenseKit.Signing.Tests.Support;

/// <summary>A signing key provider standing for a vault that can be switched unreachable, as an outage would make it.</summary>
public sealed class SwitchableKeyProvider(LicenseSigningKey key) : ILicenseSigningKeyProvider
{
    public bool Unreachable { get; set; }

    public ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default) =>
        Unreachable ? throw new InvalidOperationException("The vault is unreachable.") : ValueTask.FromResult(key);
}
