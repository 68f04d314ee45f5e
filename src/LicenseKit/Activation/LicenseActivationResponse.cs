namespace LicenseKit;

/// <summary>A successful activation: the instance, the license after it, and the message to show the customer.</summary>
public sealed record LicenseActivationResponse
{
    /// <summary>The activated instance (new, or the existing one for a known fingerprint).</summary>
    public required LicenseInstance Instance { get; init; }

    /// <summary>The license as it is after the activation.</summary>
    public required License License { get; init; }

    /// <summary>The license's activation message, if it has one.</summary>
    public string? ActivationMessage => License.ActivationMessage;

    /// <summary>Whether the fingerprint was already active and no new slot was used.</summary>
    public bool AlreadyActivated { get; init; }

    /// <summary>A signed offline token for this license and instance when an <see cref="ILicenseTokenSigner"/> is registered; otherwise <see langword="null"/>.</summary>
    public string? SignedLicense { get; init; }
}
