namespace LicenseKit.Internal;

/// <summary>The body of <c>POST /licenses/deactivate</c>.</summary>
internal sealed class DeactivateBody : IRequestBody<DeactivateBody>
{
    public static BodyFields<DeactivateBody> Fields { get; } = new(
        BodyField.String<DeactivateBody>("license_key", (b, v) => b.LicenseKey = v, required: true),
        BodyField.String<DeactivateBody>("license_key_instance_id", (b, v) => b.InstanceId = v, required: true));

    public string? LicenseKey { get; private set; }

    public string? InstanceId { get; private set; }

    public DeactivateLicenseRequest ToRequest() =>
        new() { LicenseKey = LicenseKey ?? string.Empty, LicenseKeyInstanceId = InstanceId ?? string.Empty };
}
