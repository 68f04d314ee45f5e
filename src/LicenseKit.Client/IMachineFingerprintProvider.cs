namespace LicenseKit.Client;

/// <summary>
/// Gives this machine's fingerprint: the value an activation is bound to, so a token copied to another machine is
/// refused there. The default is <see cref="MachineIdFingerprintProvider"/>; implement this for another notion of
/// "machine" (a dongle, a user account, a container's volume).
/// </summary>
public interface IMachineFingerprintProvider
{
    /// <summary>
    /// Returns this machine's fingerprint: stable across reboots and app updates, different between machines, at most
    /// 255 characters; <see langword="null"/> when it cannot be determined. Called once per <see cref="LicenseClient"/>.
    /// </summary>
    /// <returns>The fingerprint, or <see langword="null"/>.</returns>
    string? GetFingerprint();
}
