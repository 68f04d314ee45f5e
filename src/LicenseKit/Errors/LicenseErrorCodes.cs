namespace LicenseKit;

/// <summary>The stable error codes of <see cref="LicenseError.Code"/>. Codes never change meaning once shipped.</summary>
public static class LicenseErrorCodes
{
    /// <summary>A required field is missing, empty or whitespace-only.</summary>
    public const string FieldRequired = "FIELD_REQUIRED";

    /// <summary>A string field is longer than its documented maximum (<see cref="LicenseLimits"/>).</summary>
    public const string FieldTooLong = "FIELD_TOO_LONG";

    /// <summary>A string field is shorter than its minimum, e.g. a custom key under <see cref="LicenseKitOptions.MinCustomKeyLength"/>.</summary>
    public const string FieldTooShort = "FIELD_TOO_SHORT";

    /// <summary>A string field holds control characters or other characters it may not contain.</summary>
    public const string FieldInvalidCharacters = "FIELD_INVALID_CHARACTERS";

    /// <summary>A numeric or time field is outside its documented range.</summary>
    public const string FieldOutOfRange = "FIELD_OUT_OF_RANGE";

    /// <summary>Two fields were given that cannot be combined (e.g. <c>expires_at</c> and <c>duration_hours</c>).</summary>
    public const string FieldsConflict = "FIELDS_CONFLICT";

    /// <summary>Metadata has more entries than <see cref="LicenseLimits.MaxMetadataEntries"/>.</summary>
    public const string MetadataTooManyEntries = "METADATA_TOO_MANY_ENTRIES";

    /// <summary>More entitlements were given than <see cref="LicenseLimits.MaxEntitlements"/>.</summary>
    public const string EntitlementsTooMany = "ENTITLEMENTS_TOO_MANY";

    /// <summary>A list cursor is malformed or was not produced by this library.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>The custom license key is already used by another license of the same business.</summary>
    public const string DuplicateKey = "DUPLICATE_KEY";

    /// <summary>The idempotency key was used before with a different request.</summary>
    public const string IdempotencyKeyConflict = "IDEMPOTENCY_KEY_CONFLICT";

    /// <summary>No license with that id is visible to the current business.</summary>
    public const string LicenseNotFound = "LICENSE_NOT_FOUND";

    /// <summary>No license with that key is visible to the current business.</summary>
    public const string LicenseKeyNotFound = "LICENSE_KEY_NOT_FOUND";

    /// <summary>The activation instance does not exist (or is no longer live) on the license.</summary>
    public const string InstanceNotFound = "INSTANCE_NOT_FOUND";

    /// <summary>The instance's floating-seat lease lapsed without a heartbeat; activate again to take a seat.</summary>
    public const string LeaseExpired = "LEASE_EXPIRED";

    /// <summary>The license is disabled (suspended).</summary>
    public const string LicenseDisabled = "LICENSE_DISABLED";

    /// <summary>The license is revoked.</summary>
    public const string LicenseRevoked = "LICENSE_REVOKED";

    /// <summary>The license has expired.</summary>
    public const string LicenseExpired = "LICENSE_EXPIRED";

    /// <summary>The license is archived.</summary>
    public const string LicenseArchived = "LICENSE_ARCHIVED";

    /// <summary>The license already has as many live instances as its activations limit allows.</summary>
    public const string LicenseKeyLimitReached = "LICENSE_KEY_LIMIT_REACHED";

    /// <summary>The new activations limit is lower than the number of live instances.</summary>
    public const string ActivationLimitLessThanCurrentAmount = "ACTIVATION_LIMIT_LESS_THAN_CURRENT_AMOUNT";

    /// <summary>The requested status change is not allowed (see the transition table on <see cref="LicenseStatus"/>).</summary>
    public const string InvalidStatusTransition = "INVALID_STATUS_TRANSITION";

    /// <summary>The license was changed by someone else since the version the caller read.</summary>
    public const string ConcurrencyConflict = "CONCURRENCY_CONFLICT";

    /// <summary>No unique key could be generated within the retry budget (a key format with too little room).</summary>
    public const string KeyGenerationFailed = "KEY_GENERATION_FAILED";

    /// <summary>No recorded event with the id is visible to the business.</summary>
    public const string EventNotFound = "EVENT_NOT_FOUND";

    /// <summary>The event is not parked, so there is nothing to re-drive.</summary>
    public const string EventNotParked = "EVENT_NOT_PARKED";
}
