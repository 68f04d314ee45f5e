using LicenseKit;
using Microsoft.AspNetCore.DataProtection;

namespace LicenseKit.Internal;

/// <summary>An <see cref="ILicenseKeyProtector"/> over one Data Protection purpose.</summary>
internal sealed class DataProtectionLicenseKeyProtector(IDataProtector protector) : ILicenseKeyProtector
{
    public string Protect(string key) => protector.Protect(key);

    public string Unprotect(string protectedKey) => protector.Unprotect(protectedKey);
}
