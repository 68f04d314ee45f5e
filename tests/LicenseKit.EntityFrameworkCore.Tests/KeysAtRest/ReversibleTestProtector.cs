using System.Text;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>A stand-in for Data Protection in store tests: reversible, and visibly not the plaintext (tests only).</summary>
internal sealed class ReversibleTestProtector : ILicenseKeyProtector
{
    public string Protect(string key) => "p:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(key).Reverse().ToArray());

    public string Unprotect(string protectedKey) => Encoding.UTF8.GetString(Convert.FromBase64String(protectedKey[2..]).Reverse().ToArray());
}
