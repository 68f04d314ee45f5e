using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>The rules of <see cref="LicenseKeyHashingOptions"/>, shared by the startup validator and the hasher.</summary>
internal static class LicenseKeyHashing
{
    public const string Section = "LicenseKit:KeyHashing";

    /// <summary>The registration of the default hasher; the startup validator tells it from a host's own by reference.</summary>
    public static readonly ServiceDescriptor DefaultHasher = ServiceDescriptor.Singleton<ILicenseKeyHasher>(
        services => new HmacLicenseKeyHasher(services.GetRequiredService<IOptions<LicenseKitOptions>>().Value.KeyHashing));

    /// <summary>The current id: the configured one, or the only secret's; <see langword="null"/> when neither names a secret.</summary>
    public static string? CurrentSecretId(LicenseKeyHashingOptions options) =>
        options.CurrentSecretId is { } id
            ? (options.Secrets.ContainsKey(id) ? id : null)
            : (options.Secrets.Count == 1 ? options.Secrets.Keys.First() : null);

    /// <summary>The secret's bytes, or <see langword="null"/> when its id or value is unusable.</summary>
    public static byte[]? DecodeSecret(string id, string? value)
    {
        if (!IsValidId(id) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return bytes.Length >= LicenseKeyHashingOptions.MinSecretBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string SecretProblem(string id) =>
        $"{Section}:Secrets:{id} must be base64 of at least {LicenseKeyHashingOptions.MinSecretBytes} random bytes (e.g. 'openssl rand -base64 32'), under an id of 1-{LicenseKeyHashingOptions.MaxSecretIdLength} letters, digits, '-', '_' or '.'.";

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= LicenseKeyHashingOptions.MaxSecretIdLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
