namespace LicenseKit.Internal;

/// <summary>
/// The wire names of a validation answer and of the key holder's view of a license: the contract's attributes
/// (<see cref="ValidationResponse{TLicense}"/>, <see cref="KeyHolderLicense"/>) and the answer's own writer
/// (<see cref="KeyHolderValidationJsonConverter"/>) both spell them from here.
/// </summary>
internal static class ValidationWireNames
{
    public const string Valid = "valid";
    public const string Code = "code";
    public const string License = "license";
    public const string SignedLicense = "signed_license";
    public const string Entitlements = "entitlements";

    public const string Id = "id";
    public const string Key = "key";
    public const string Status = "status";
    public const string BusinessId = "business_id";
    public const string ProductId = "product_id";
    public const string ActivationsLimit = "activations_limit";
    public const string ActivationMessage = "activation_message";
    public const string InstancesCount = "instances_count";
    public const string DurationHours = "duration_hours";
    public const string ExpiresAt = "expires_at";
    public const string Archived = "archived";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
}
