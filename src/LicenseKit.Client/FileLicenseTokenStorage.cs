using System.Text.Json;
using LicenseKit.Client.Internal;

namespace LicenseKit.Client;

/// <summary>
/// Keeps the signed license in one small JSON file, by default <c>&lt;user application data&gt;/&lt;application&gt;/license.json</c>
/// (<c>%LOCALAPPDATA%</c> on Windows, <c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS).
/// </summary>
/// <remarks>
/// Writes go to a temporary file in the same folder that is flushed to disk and then renamed over the old file, so a crash
/// or a power cut leaves the old license or the new one, never half of one. On Unix the file is readable by its owner only.
/// A missing, unreadable, oversized or malformed file reads as no license.
/// </remarks>
public sealed class FileLicenseTokenStorage : ILicenseTokenStorage
{
    /// <summary>The file name used in the default folder.</summary>
    public const string DefaultFileName = "license.json";

    // A token is at most 64 KiB; anything much larger is not ours and is not worth reading.
    private const long MaxFileBytes = 128 * 1024;

    /// <summary>Creates a storage that keeps the license in <paramref name="path"/>.</summary>
    /// <param name="path">The file's full path; its folder is created on the first save.</param>
    public FileLicenseTokenStorage(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
    }

    /// <summary>The file the license is kept in.</summary>
    public string FilePath { get; }

    /// <summary>The default file for an application: <c>&lt;LocalApplicationData&gt;/&lt;applicationName&gt;/license.json</c>.</summary>
    /// <param name="applicationName">A folder name for the application, e.g. <c>Acme.Editor</c>.</param>
    /// <returns>The full path.</returns>
    public static string GetDefaultPath(string applicationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationName);
        if (applicationName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || applicationName is "." or "..")
        {
            throw new ArgumentException($"'{applicationName}' cannot be used as a folder name.", nameof(applicationName));
        }

        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(root, applicationName, DefaultFileName);
    }

    /// <inheritdoc />
    public StoredLicenseToken? Load()
    {
        try
        {
            using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length > MaxFileBytes)
            {
                return null;
            }

            var stored = JsonSerializer.Deserialize(file, LicenseClientJsonContext.Default.StoredLicenseFile);
            return stored is { Token: { Length: > 0 } token, LastVerifiedAt: var lastVerifiedAt }
                ? new StoredLicenseToken(token, lastVerifiedAt)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Save(StoredLicenseToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var folder = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(file, new StoredLicenseFile(token.Token, token.LastVerifiedAt), LicenseClientJsonContext.Default.StoredLicenseFile);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <inheritdoc />
    public void Delete() => File.Delete(FilePath);
}
