using Microsoft.Extensions.Options;

namespace LicenseKit.Signing.Internal;

/// <summary>The default <see cref="ILicenseSigningKeyProvider"/>: the key in <see cref="SignedLicenseOptions"/>, imported once.</summary>
internal sealed class OptionsLicenseSigningKeyProvider(IOptions<SignedLicenseOptions> options) : ILicenseSigningKeyProvider, IDisposable
{
    private readonly Lazy<LicenseSigningKey> _key = new(() =>
    {
        var value = options.Value;
        return LicenseSigningKey.FromPem(value.KeyId!, value.SigningKeyPem!);
    });

    public ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_key.Value);

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }
}
