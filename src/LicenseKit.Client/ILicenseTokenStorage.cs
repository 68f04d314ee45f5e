namespace LicenseKit.Client;

/// <summary>
/// Keeps this machine's signed license between runs. The default is <see cref="FileLicenseTokenStorage"/> in the user's
/// application data; implement this to keep it elsewhere (the OS key store, a config service, memory in tests).
/// </summary>
/// <remarks>
/// Everything read back is verified again before it is trusted, so a storage needs no integrity protection of its own.
/// Implementations must be thread-safe.
/// </remarks>
public interface ILicenseTokenStorage
{
    /// <summary>Reads the stored license; <see langword="null"/> when there is none or it cannot be read. Must not throw for missing or damaged data.</summary>
    /// <returns>The stored license, or <see langword="null"/>.</returns>
    StoredLicenseToken? Load();

    /// <summary>Replaces the stored license, atomically: a reader sees the old or the new one, never a mix.</summary>
    /// <param name="token">The license to keep.</param>
    void Save(StoredLicenseToken token);

    /// <summary>Removes the stored license, if any.</summary>
    void Delete();
}
