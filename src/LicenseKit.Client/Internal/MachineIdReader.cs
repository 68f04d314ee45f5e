using System.Diagnostics;
using Microsoft.Win32;

namespace LicenseKit.Client.Internal;

/// <summary>Reads the operating system's own machine id; null when the platform has none we know or it cannot be read.</summary>
internal static class MachineIdReader
{
    private static readonly string[] LinuxFiles = ["/etc/machine-id", "/var/lib/dbus/machine-id"];

    public static string? Read()
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return ReadWindows();
            }

            if (OperatingSystem.IsMacOS())
            {
                return ReadMacOS();
            }

            return OperatingSystem.IsLinux() ? ReadLinux() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception or InvalidOperationException or System.Security.SecurityException)
        {
            return null;
        }
    }

    private static string? ReadLinux()
    {
        foreach (var path in LinuxFiles)
        {
            if (File.Exists(path))
            {
                // systemd writes "uninitialized" during early boot of a fresh image; that is not an identity.
                var id = File.ReadAllText(path).Trim();
                if (id.Length > 0 && id != "uninitialized")
                {
                    return id;
                }
            }
        }

        return null;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static string? ReadWindows()
    {
        // The 64-bit view: a 32-bit process would otherwise be redirected to WOW6432Node, which has no MachineGuid.
        using var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        using var key = root.OpenSubKey(@"SOFTWARE\Microsoft\Cryptography");
        return key?.GetValue("MachineGuid") as string;
    }

    private static string? ReadMacOS()
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/sbin/ioreg", "-rd1 -c IOPlatformExpertDevice")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        if (process is null)
        {
            return null;
        }

        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        // The line reads:  "IOPlatformUUID" = "0A1B2C3D-…"
        foreach (var line in output.Split('\n'))
        {
            if (line.Contains("\"IOPlatformUUID\"", StringComparison.Ordinal))
            {
                var parts = line.Split('"');
                return parts.Length >= 5 ? parts[3] : null;
            }
        }

        return null;
    }
}
