namespace LicenseKit.Internal;

/// <summary>The body of <c>POST /licenses/heartbeat</c>: the instance whose floating-seat lease to renew.</summary>
internal sealed class HeartbeatBody : IRequestBody<HeartbeatBody>
{
    public static BodyFields<HeartbeatBody> Fields { get; } = new(
        BodyField.String<HeartbeatBody>("license_key", (b, v) => b.LicenseKey = v, required: true),
        BodyField.String<HeartbeatBody>("license_key_instance_id", (b, v) => b.InstanceId = v, required: true));

    public string? LicenseKey { get; private set; }

    public string? InstanceId { get; private set; }

    public HeartbeatLicenseRequest ToRequest() =>
        new() { LicenseKey = LicenseKey ?? string.Empty, LicenseKeyInstanceId = InstanceId ?? string.Empty };
}
