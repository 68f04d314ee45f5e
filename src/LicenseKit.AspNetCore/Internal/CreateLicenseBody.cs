using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>The body of <c>POST /licenses</c>, and its <c>Idempotency-Key</c> header.</summary>
internal sealed class CreateLicenseBody : IRequestBody<CreateLicenseBody>
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The field the core names in errors about the idempotency key.</summary>
    private const string IdempotencyKeyField = "idempotency_key";

    public static BodyFields<CreateLicenseBody> Fields { get; } = new(
        BodyField.String<CreateLicenseBody>("product_id", (b, v) => b.ProductId = v, required: true),
        BodyField.String<CreateLicenseBody>("customer_id", (b, v) => b.CustomerId = v, required: true),
        BodyField.Integer<CreateLicenseBody>("activations_limit", (b, v) => b.ActivationsLimit = v),
        BodyField.Integer<CreateLicenseBody>("duration_hours", (b, v) => b.DurationHours = v),
        BodyField.String<CreateLicenseBody>("key", (b, v) => b.Key = v),
        BodyField.String<CreateLicenseBody>("payment_id", (b, v) => b.PaymentId = v),
        BodyField.String<CreateLicenseBody>("activation_message", (b, v) => b.ActivationMessage = v),
        BodyField.Metadata<CreateLicenseBody>("metadata", (b, v) => b.Metadata = v),
        BodyField.Entitlements<CreateLicenseBody>("entitlements", (b, v) => b.Entitlements = v));

    public string? ProductId { get; private set; }

    public string? CustomerId { get; private set; }

    public int? ActivationsLimit { get; private set; }

    public int? DurationHours { get; private set; }

    public string? Key { get; private set; }

    public string? PaymentId { get; private set; }

    public string? ActivationMessage { get; private set; }

    public IReadOnlyDictionary<string, string>? Metadata { get; private set; }

    public IReadOnlyList<string>? Entitlements { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public void Complete(HttpRequest request, FieldReader fields) =>
        IdempotencyKey = fields.Single(request.Headers[IdempotencyKeyHeader], IdempotencyKeyHeader, IdempotencyKeyField);

    public IssueLicenseRequest ToRequest() => new()
    {
        ProductId = ProductId ?? string.Empty,
        CustomerId = CustomerId ?? string.Empty,
        ActivationsLimit = ActivationsLimit,
        DurationHours = DurationHours,
        Key = Key,
        PaymentId = PaymentId,
        ActivationMessage = ActivationMessage,
        Metadata = Metadata,
        Entitlements = Entitlements,
        IdempotencyKey = IdempotencyKey,
    };
}
