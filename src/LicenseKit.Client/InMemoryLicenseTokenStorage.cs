namespace LicenseKit.Client;

/// <summary>
/// Keeps the signed license in memory only: for tests, and for apps that keep the token elsewhere and hand it over at
/// start-up. Nothing survives the process unless <see cref="Load"/>'s value is kept by the caller.
/// </summary>
public sealed class InMemoryLicenseTokenStorage : ILicenseTokenStorage
{
    private volatile StoredLicenseToken? _stored;

    /// <summary>Creates an empty storage, or one that already holds <paramref name="stored"/>.</summary>
    /// <param name="stored">The license to start with, or <see langword="null"/>.</param>
    public InMemoryLicenseTokenStorage(StoredLicenseToken? stored = null) => _stored = stored;

    /// <inheritdoc />
    public StoredLicenseToken? Load() => _stored;

    /// <inheritdoc />
    public void Save(StoredLicenseToken token) => _stored = token ?? throw new ArgumentNullException(nameof(token));

    /// <inheritdoc />
    public void Delete() => _stored = null;
}
