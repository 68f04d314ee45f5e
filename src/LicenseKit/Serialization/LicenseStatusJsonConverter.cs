using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>
/// Reads and writes <see cref="LicenseStatus"/> as <c>ACTIVE</c>, <c>DISABLED</c>, <c>REVOKED</c>. Numbers and unknown
/// names are rejected, so a client cannot smuggle in a status by its ordinal.
/// </summary>
public sealed class LicenseStatusJsonConverter : JsonStringEnumConverter<LicenseStatus>
{
    /// <summary>Creates the converter.</summary>
    public LicenseStatusJsonConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
