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

    /// <summary>
    /// Whether the activation was stored but its signed token could not be made: a concurrent change to the license
    /// landed between signing and the write, and signing again failed (e.g. the key vault was unreachable at that
    /// moment). <see cref="SignedLicense"/> is then <see langword="null"/>. The activation stands; the client gets a token
    /// by activating again with the same fingerprint (no new slot is used) or by validating with the instance id.
    /// Over HTTP the answer is 200 with <c>"signed_license_unavailable": true</c> and no <c>signed_license</c>.
    /// </summary>
    public bool SignedLicenseUnavailable { get; init; }
}
