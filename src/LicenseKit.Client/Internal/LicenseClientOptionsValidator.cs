namespace LicenseKit.Client.Internal;

/// <summary>Checks <see cref="LicenseClientOptions"/> once, when a client is created: a wrong option is a programming error.</summary>
internal static class LicenseClientOptionsValidator
{
    /// <summary>Throws for a missing or out-of-range option; returns the server address with a trailing slash, so relative paths resolve under it.</summary>
    public static Uri Validate(LicenseClientOptions options)
    {
        if (options.ServerUrl is not { IsAbsoluteUri: true } serverUrl || (serverUrl.Scheme != Uri.UriSchemeHttps && serverUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("LicenseClientOptions.ServerUrl is required: the absolute http(s) address the activation endpoints are mapped under, e.g. https://licenses.example.com/licenses/.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationName))
        {
            throw new ArgumentException("LicenseClientOptions.ApplicationName is required: it names the folder of the stored license and salts the machine fingerprint.", nameof(options));
        }

        if (options.PublicKeys.Count == 0)
        {
            throw new ArgumentException("LicenseClientOptions.PublicKeys needs at least one public key (key id → PEM) to verify signed licenses with.", nameof(options));
        }

        if (double.IsNaN(options.RefreshAfter) || options.RefreshAfter is < 0.05 or > 0.95)
        {
            throw new ArgumentException($"LicenseClientOptions.RefreshAfter must be between 0.05 and 0.95 (a share of the token lifetime); it is {options.RefreshAfter}.", nameof(options));
        }

        if (options.RetryInterval <= TimeSpan.Zero || options.CheckpointInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("LicenseClientOptions.RetryInterval and CheckpointInterval must be positive.", nameof(options));
        }

        return serverUrl.AbsolutePath.EndsWith('/') ? serverUrl : new Uri(serverUrl.AbsoluteUri + "/");
    }
}
