using System.Security.Cryptography;
using System.Text;

namespace LicenseKit.Client.Tests;

public sealed class MachineIdFingerprintProviderTests
{
    [Test]
    public void GetFingerprint_IsTheSaltedHmacOfTheMachineId_NotTheIdItself()
    {
        var provider = new MachineIdFingerprintProvider("acme-editor", () => "4f1c2a9e0b7d4e3f8a6b5c4d3e2f1a0b\n");

        var fingerprint = provider.GetFingerprint();

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("acme-editor"), Encoding.UTF8.GetBytes("4f1c2a9e0b7d4e3f8a6b5c4d3e2f1a0b")));
        fingerprint.Should().Be(expected).And.HaveLength(64).And.NotContain("4f1c2a9e");
    }

    [Test]
    public void GetFingerprint_AnotherSalt_IsUnrelated()
    {
        static string? Of(string salt) => new MachineIdFingerprintProvider(salt, () => "4f1c2a9e0b7d4e3f8a6b5c4d3e2f1a0b").GetFingerprint();

        Of("acme-editor").Should().NotBe(Of("globex-cad"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void GetFingerprint_NoMachineId_IsNull(string? machineId)
    {
        new MachineIdFingerprintProvider("acme-editor", () => machineId).GetFingerprint().Should().BeNull();
    }

    [Test]
    public void GetFingerprint_OnLinux_ReadsEtcMachineId()
    {
        var path = new[] { "/etc/machine-id", "/var/lib/dbus/machine-id" }.FirstOrDefault(p => File.Exists(p) && File.ReadAllText(p).Trim().Length > 0);
        if (!OperatingSystem.IsLinux() || path is null)
        {
            Assert.Ignore("Needs Linux with a machine id.");
        }

        var machineId = File.ReadAllText(path).Trim();

        var fingerprint = new MachineIdFingerprintProvider("acme-editor").GetFingerprint();

        fingerprint.Should().Be(new MachineIdFingerprintProvider("acme-editor", () => machineId).GetFingerprint());
        new MachineIdFingerprintProvider("acme-editor").GetFingerprint().Should().Be(fingerprint, "the same machine gives the same fingerprint every time");
    }
}
