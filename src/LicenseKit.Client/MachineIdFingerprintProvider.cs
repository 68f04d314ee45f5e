using System.Security.Cryptography;
using System.Text;
using LicenseKit.Client.Internal;

namespace LicenseKit.Client;

/// <summary>
/// The default fingerprint: HMAC-SHA256 of the operating system's machine id, keyed by an application-specific salt, as
/// 64 lowercase hex characters. It reads <c>/etc/machine-id</c> (then <c>/var/lib/dbus/machine-id</c>) on Linux, the
/// <c>MachineGuid</c> under <c>HKLM\SOFTWARE\Microsoft\Cryptography</c> on Windows and the <c>IOPlatformUUID</c> on
/// macOS; none needs admin rights.
/// </summary>
/// <remarks>
/// The raw OS id never leaves the machine, and two vendors (two salts) get unrelated fingerprints for the same machine.
/// Limits: the id survives reboots and app updates but not an OS reinstall; a cloned VM or disk image that keeps its
/// machine id looks like the same machine (regenerate the id when cloning: <c>systemd-machine-id-setup</c>, Sysprep);
/// a container sees its host's or image's id unless one is mounted; a user with admin rights can change the id.
/// </remarks>
public sealed class MachineIdFingerprintProvider : IMachineFingerprintProvider
{
    private readonly byte[] _salt;
    private readonly Func<string?> _readMachineId;

    /// <summary>Creates the provider with the application's salt.</summary>
    /// <param name="salt">An application-specific value, e.g. <c>acme-editor</c>; the same salt must be used in every version of the app.</param>
    public MachineIdFingerprintProvider(string salt)
        : this(salt, MachineIdReader.Read)
    {
    }

    internal MachineIdFingerprintProvider(string salt, Func<string?> readMachineId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(salt);
        _salt = Encoding.UTF8.GetBytes(salt);
        _readMachineId = readMachineId;
    }

    /// <inheritdoc />
    public string? GetFingerprint()
    {
        var machineId = _readMachineId();
        if (string.IsNullOrWhiteSpace(machineId))
        {
            return null;
        }

        var hash = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(machineId.Trim()));
        return Convert.ToHexStringLower(hash);
    }
}
