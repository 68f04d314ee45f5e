namespace LicenseKit.Internal;

/// <summary>The body of <c>POST /licenses/activate</c>.</summary>
internal sealed class ActivateBody : IRequestBody<ActivateBody>
{
    public static BodyFields<ActivateBody> Fields { get; } = new(
        BodyField.String<ActivateBody>("license_key", (b, v) => b.LicenseKey = v, required: true),
        BodyField.String<ActivateBody>("name", (b, v) => b.Name = v, required: true),
        BodyField.String<ActivateBody>("fingerprint", (b, v) => b.Fingerprint = v));

    public string? LicenseKey { get; private set; }

    public string? Name { get; private set; }

    public string? Fingerprint { get; private set; }

    public ActivateLicenseRequest ToRequest() =>
        new() { LicenseKey = LicenseKey ?? string.Empty, Name = Name ?? string.Empty, Fingerprint = Fingerprint };
}
