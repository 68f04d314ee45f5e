namespace LicenseKit.Client.Tests.Infrastructure;

/// <summary>A machine with a known fingerprint, so tests can have several machines in one process.</summary>
public sealed class FixedFingerprint(string? fingerprint) : IMachineFingerprintProvider
{
    public string? GetFingerprint() => fingerprint;
}
