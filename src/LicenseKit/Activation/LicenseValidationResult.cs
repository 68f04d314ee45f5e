using System.Diagnostics.CodeAnalysis;

namespace LicenseKit;

/// <summary>The outcome of a validation: never an exception, always a code.</summary>
public sealed record LicenseValidationResult
{
    /// <summary>Whether the license is valid (<see cref="Code"/> is <see cref="LicenseValidationCode.Valid"/>).</summary>
    [MemberNotNullWhen(true, nameof(License))]
    public bool Valid => Code == LicenseValidationCode.Valid;

    /// <summary>Why the license is or is not valid.</summary>
    public required LicenseValidationCode Code { get; init; }

    /// <summary>The license, when one was found.</summary>
    public License? License { get; init; }

    /// <summary>The matched instance, when one was named and found.</summary>
    public LicenseInstance? Instance { get; init; }

    /// <summary>
    /// The entitlements the license grants, its product's and its own together; empty when no license was found or it
    /// grants none. Set whatever the code, so a caller can tell which required entitlement was missing.
    /// </summary>
    public LicenseEntitlements Entitlements { get; init; } = LicenseEntitlements.Empty;

    /// <summary>
    /// A fresh signed offline token bound to <see cref="Instance"/>, when the license is valid for a named instance and
    /// an <see cref="ILicenseTokenSigner"/> is registered: a client that validates while online refreshes the token it
    /// uses offline. Otherwise <see langword="null"/>.
    /// </summary>
    public string? SignedLicense { get; init; }
}
