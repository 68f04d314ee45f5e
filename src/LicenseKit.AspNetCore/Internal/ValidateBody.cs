using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>The body of <c>POST /licenses/validate</c>.</summary>
internal sealed class ValidateBody : IRequestBody<ValidateBody>
{
    private static readonly BodyField<ValidateBody> LicenseKeyField =
        BodyField.String<ValidateBody>("license_key", (b, v) => b.LicenseKey = v, required: true);

    public static BodyFields<ValidateBody> Fields { get; } = new(
        LicenseKeyField,
        BodyField.String<ValidateBody>("license_key_instance_id", (b, v) => b.InstanceId = v),
        BodyField.String<ValidateBody>("fingerprint", (b, v) => b.Fingerprint = v),
        BodyField.Entitlements<ValidateBody>("entitlements", (b, v) => b.Entitlements = v));

    public string? LicenseKey { get; private set; }

    public string? InstanceId { get; private set; }

    public string? Fingerprint { get; private set; }

    public IReadOnlyList<string>? Entitlements { get; private set; }

    /// <summary>Validation answers any key with a code, but a request without one is malformed rather than "not found".</summary>
    public void Complete(HttpRequest request, FieldReader fields)
    {
        if (string.IsNullOrWhiteSpace(LicenseKey) && !fields.HasErrorFor(LicenseKeyField.Name))
        {
            fields.Add(fields.Describe.FieldRequired(LicenseKeyField.Name));
        }
    }

    public ValidateLicenseRequest ToRequest() =>
        new() { LicenseKey = LicenseKey!, LicenseKeyInstanceId = InstanceId, Fingerprint = Fingerprint, Entitlements = Entitlements };
}
