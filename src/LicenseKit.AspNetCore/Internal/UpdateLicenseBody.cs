namespace LicenseKit.Internal;

/// <summary>
/// The body of <c>PATCH /licenses/{id}</c>, a JSON merge patch: a field that is absent stays unchanged (its setter never
/// runs, so the update keeps it unset), a null clears it.
/// </summary>
internal sealed class UpdateLicenseBody : IRequestBody<UpdateLicenseBody>
{
    public static BodyFields<UpdateLicenseBody> Fields { get; } = new(
        BodyField.Status<UpdateLicenseBody>("status", (b, v) => b.Update = b.Update with { Status = v }),
        BodyField.Integer<UpdateLicenseBody>("activations_limit", (b, v) => b.Update = b.Update with { ActivationsLimit = v }),
        BodyField.Timestamp<UpdateLicenseBody>("expires_at", (b, v) => b.Update = b.Update with { ExpiresAt = v }),
        BodyField.Integer<UpdateLicenseBody>("duration_hours", (b, v) => b.Update = b.Update with { DurationHours = v }),
        BodyField.String<UpdateLicenseBody>("activation_message", (b, v) => b.Update = b.Update with { ActivationMessage = v }),
        BodyField.Metadata<UpdateLicenseBody>("metadata", (b, v) => b.Update = b.Update with { Metadata = new Optional<IReadOnlyDictionary<string, string>?>(v) }),
        BodyField.Entitlements<UpdateLicenseBody>("entitlements", (b, v) => b.Update = b.Update with { Entitlements = new Optional<IReadOnlyList<string>?>(v) }),
        BodyField.Boolean<UpdateLicenseBody>("archived", (b, v) => b.Update = b.Update with { Archived = v }));

    public LicenseUpdate Update { get; private set; } = new();
}
