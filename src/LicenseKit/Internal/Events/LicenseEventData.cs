using System.Text.Json.Serialization;

namespace LicenseKit.Internal;

/// <summary>The stored payload of a <see cref="LicenseEventRecord"/>; the wire format leaves versions out, so they ride beside.</summary>
internal sealed record LicenseEventData
{
    public License? License { get; init; }

    public long LicenseVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public License? PreviousLicense { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? PreviousLicenseVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LicenseInstance? Instance { get; init; }
}
