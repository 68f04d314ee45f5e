namespace LicenseKit.Client;

/// <summary>Configures a <see cref="LicenseClient"/>: where the server is, which keys to trust, and how this machine is identified and its license kept.</summary>
public sealed class LicenseClientOptions
{
    /// <summary>The default <see cref="RefreshAfter"/>: refresh once half of a token's lifetime has passed.</summary>
    public const double DefaultRefreshAfter = 0.5;

    /// <summary>
    /// The address the activation endpoints are mapped under (<c>MapLicenseKitActivation("/licenses")</c>), e.g.
    /// <c>https://licenses.example.com/licenses/</c>; <c>activate</c>, <c>validate</c> and <c>deactivate</c> are resolved
    /// against it. Required.
    /// </summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>A publishable key sent as <c>Authorization: Bearer …</c> with every call, when the server requires one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The public keys (PEM) the server signs licenses with, by key id. At least one is required; list the next key
    /// before the server rotates to it.
    /// </summary>
    public IDictionary<string, string> PublicKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The application's name: the folder of the default storage and the default fingerprint salt, e.g. <c>Acme.Editor</c>.
    /// Required; keep it the same across versions of the app.
    /// </summary>
    public string? ApplicationName { get; set; }

    /// <summary>The instance name sent on activation (shown to the vendor); <see cref="Environment.MachineName"/> when <see langword="null"/>.</summary>
    public string? InstanceName { get; set; }

    /// <summary>Where the license is kept; a <see cref="FileLicenseTokenStorage"/> at <see cref="FileLicenseTokenStorage.GetDefaultPath"/> when <see langword="null"/>.</summary>
    public ILicenseTokenStorage? Storage { get; set; }

    /// <summary>How this machine is identified; a <see cref="MachineIdFingerprintProvider"/> salted with <see cref="ApplicationName"/> when <see langword="null"/>.</summary>
    public IMachineFingerprintProvider? FingerprintProvider { get; set; }

    /// <summary>The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>How far the clock may drift, for token times and for noticing a clock set back. Default 5 minutes, at most one day.</summary>
    public TimeSpan ClockSkew { get; set; } = LicenseTokenVerifier.DefaultClockSkew;

    /// <summary>
    /// The share of a token's lifetime after which the background refresh renews it, between 0.05 and 0.95 (default
    /// <see cref="DefaultRefreshAfter"/>). The rest of the lifetime is the offline grace.
    /// </summary>
    public double RefreshAfter { get; set; } = DefaultRefreshAfter;

    /// <summary>How long the background refresh waits before trying again after the server could not be reached. Default 15 minutes.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often a successful offline check writes its time to the storage, so a clock set back is noticed after a
    /// restart too. Default one hour; checks in between touch no disk.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether <see cref="LicenseClient.DisposeAsync"/> deactivates this machine on the server, freeing its seat at once,
    /// and removes the stored license. Meant for floating seats, which the app takes at start-up and gives back on exit;
    /// leave it off (the default) for a node-locked license the machine keeps across restarts.
    /// </summary>
    public bool ReleaseSeatOnDispose { get; set; }
}
