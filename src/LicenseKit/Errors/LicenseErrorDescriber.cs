using System.Globalization;
using LicenseKit.Serialization;

namespace LicenseKit;

/// <summary>
/// The one source of every <see cref="LicenseError"/> the library reports: its stable code, the wire name of the field to
/// blame and the description for people. Derive from it and override the methods whose wording you want to change (for
/// example to localise them), then register your type with
/// <c>services.AddSingleton&lt;LicenseErrorDescriber, MyDescriber&gt;()</c>; <c>AddLicenseKit</c> only adds the default
/// when none is registered. Codes and fields must stay as the base class returns them, since clients branch on them.
/// </summary>
public partial class LicenseErrorDescriber
{
    /// <summary>A required text field is missing, empty or whitespace-only.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldRequired"/> error.</returns>
    public virtual LicenseError FieldRequired(string field) =>
        new(LicenseErrorCodes.FieldRequired, $"'{field}' is required.", field);

    /// <summary>An optional text field was given but is empty or whitespace-only.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldRequired"/> error.</returns>
    public virtual LicenseError FieldEmpty(string field) =>
        new(LicenseErrorCodes.FieldRequired, $"'{field}' must not be empty when given.", field);

    /// <summary>A text field is longer than its maximum.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <param name="length">The length given.</param>
    /// <param name="maxLength">The maximum length.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldTooLong"/> error.</returns>
    public virtual LicenseError FieldTooLong(string field, int length, int maxLength) =>
        new(LicenseErrorCodes.FieldTooLong, Invariant($"'{field}' is {length} characters long; at most {maxLength} are allowed."), field);

    /// <summary>A text field holds characters it may not contain (control characters, U+0000, lone surrogates).</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldInvalidCharacters"/> error.</returns>
    public virtual LicenseError FieldInvalidCharacters(string field) =>
        new(LicenseErrorCodes.FieldInvalidCharacters, $"'{field}' must not contain control characters.", field);

    /// <summary>A number is outside its range.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldOutOfRange"/> error.</returns>
    public virtual LicenseError FieldOutOfRange(string field, int min, int max) =>
        new(LicenseErrorCodes.FieldOutOfRange, Invariant($"'{field}' must be between {min} and {max}."), field);

    /// <summary><c>expires_at</c> does not lie between the license's creation and the longest allowed duration after it.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.FieldOutOfRange"/> error on <c>expires_at</c>.</returns>
    public virtual LicenseError ExpiresAtOutOfRange() =>
        new(LicenseErrorCodes.FieldOutOfRange, "'expires_at' must lie between the license's creation and 100 years after it.", "expires_at");

    /// <summary>A status value is not one of the defined statuses.</summary>
    /// <param name="field">The field's wire name.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldOutOfRange"/> error.</returns>
    public virtual LicenseError InvalidStatus(string field) =>
        new(LicenseErrorCodes.FieldOutOfRange, $"'{field}' must be one of ACTIVE, DISABLED or REVOKED.", field);

    /// <summary>Two fields that exclude each other were both given.</summary>
    /// <param name="field">The field to blame.</param>
    /// <param name="otherField">The field it conflicts with.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldsConflict"/> error.</returns>
    public virtual LicenseError FieldsConflict(string field, string otherField) =>
        new(LicenseErrorCodes.FieldsConflict, $"Give either '{field}' or '{otherField}', not both.", field);

    /// <summary>A custom license key is shorter than the configured minimum.</summary>
    /// <param name="minLength">The minimum length after normalization.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldTooShort"/> error on <c>key</c>.</returns>
    public virtual LicenseError KeyTooShort(int minLength) =>
        new(LicenseErrorCodes.FieldTooShort, Invariant($"'key' must be at least {minLength} characters long, so it cannot be guessed."), "key");

    /// <summary>Metadata has too many entries.</summary>
    /// <param name="count">The number of entries given.</param>
    /// <param name="maxEntries">The maximum.</param>
    /// <returns>A <see cref="LicenseErrorCodes.MetadataTooManyEntries"/> error.</returns>
    public virtual LicenseError MetadataTooManyEntries(int count, int maxEntries) =>
        new(LicenseErrorCodes.MetadataTooManyEntries, Invariant($"'metadata' has {count} entries; at most {maxEntries} are allowed."), Metadata);

    /// <summary>More entitlements were given than allowed.</summary>
    /// <param name="count">The number of names given.</param>
    /// <param name="maxEntitlements">The maximum.</param>
    /// <returns>A <see cref="LicenseErrorCodes.EntitlementsTooMany"/> error on <c>entitlements</c>.</returns>
    public virtual LicenseError EntitlementsTooMany(int count, int maxEntitlements) =>
        new(LicenseErrorCodes.EntitlementsTooMany, Invariant($"'entitlements' has {count} names; at most {maxEntitlements} are allowed."), Entitlements);

    /// <summary>An entitlement name breaks the naming rule of <see cref="LicenseEntitlements.IsValidName(string?)"/>.</summary>
    /// <param name="name">The name given (cut to the maximum length), or <see langword="null"/>.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldInvalidCharacters"/> error on <c>entitlements</c>.</returns>
    public virtual LicenseError EntitlementNameInvalid(string? name) =>
        new(
            LicenseErrorCodes.FieldInvalidCharacters,
            Invariant($"Entitlement '{name?[..Math.Min(name.Length, LicenseLimits.MaxEntitlementNameLength)]}' is not a valid name: 1 to {LicenseLimits.MaxEntitlementNameLength} ASCII letters, digits, '.', '_', '-' or ':', starting with a letter or digit."),
            Entitlements);

    /// <summary>A metadata key is empty or whitespace-only.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.FieldRequired"/> error on <c>metadata</c>.</returns>
    public virtual LicenseError MetadataKeyEmpty() =>
        new(LicenseErrorCodes.FieldRequired, "Metadata keys must not be empty.", Metadata);

    /// <summary>A metadata key is too long.</summary>
    /// <param name="key">The key.</param>
    /// <param name="maxLength">The maximum length.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldTooLong"/> error on <c>metadata</c>.</returns>
    public virtual LicenseError MetadataKeyTooLong(string key, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(LicenseErrorCodes.FieldTooLong, Invariant($"Metadata key '{key[..Math.Min(key.Length, maxLength)]}…' is longer than {maxLength} characters."), Metadata);
    }

    /// <summary>A metadata key holds control characters.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.FieldInvalidCharacters"/> error on <c>metadata</c>.</returns>
    public virtual LicenseError MetadataKeyInvalidCharacters() =>
        new(LicenseErrorCodes.FieldInvalidCharacters, "Metadata keys must not contain control characters.", Metadata);

    /// <summary>A metadata value is null.</summary>
    /// <param name="key">The entry's key.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldRequired"/> error on <c>metadata</c>.</returns>
    public virtual LicenseError MetadataValueMissing(string key) =>
        new(LicenseErrorCodes.FieldRequired, $"Metadata value of '{key}' must not be null.", Metadata);

    /// <summary>A metadata value is too long.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="maxLength">The maximum length.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldTooLong"/> error on <c>metadata</c>.</returns>
    public virtual LicenseError MetadataValueTooLong(string key, int maxLength) =>
        new(LicenseErrorCodes.FieldTooLong, Invariant($"Metadata value of '{key}' is longer than {maxLength} characters."), Metadata);

    /// <summary>A metadata value holds control characters other than line breaks and tabs.</summary>
    /// <param name="key">The entry's key.</param>
    /// <returns>A <see cref="LicenseErrorCodes.FieldInvalidCharacters"/> error on <c>metadata</c>.</returns>
    public virtual LicenseError MetadataValueInvalidCharacters(string key) =>
        new(LicenseErrorCodes.FieldInvalidCharacters, $"Metadata value of '{key}' must not contain control characters.", Metadata);

    /// <summary>A list cursor was not produced by this library.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.InvalidCursor"/> error on <c>cursor</c>.</returns>
    public virtual LicenseError InvalidCursor() =>
        new(LicenseErrorCodes.InvalidCursor, "The cursor is not one this API returned.", "cursor");

    /// <summary>No license with the id is visible to the business.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseNotFound"/> error on <c>id</c>.</returns>
    public virtual LicenseError LicenseNotFound() =>
        new(LicenseErrorCodes.LicenseNotFound, "No license with this id exists.", "id");

    /// <summary>No license with the key is visible to the business.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseKeyNotFound"/> error on <c>license_key</c>.</returns>
    public virtual LicenseError LicenseKeyNotFound() =>
        new(LicenseErrorCodes.LicenseKeyNotFound, "No license with this key exists.", LicenseKey);

    /// <summary>The license has no live instance with the id.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.InstanceNotFound"/> error on <c>license_key_instance_id</c>.</returns>
    public virtual LicenseError InstanceNotFound() =>
        new(LicenseErrorCodes.InstanceNotFound, "The license has no live instance with this id.", "license_key_instance_id");

    /// <summary>The instance's lease lapsed before the heartbeat.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LeaseExpired"/> error on <c>license_key_instance_id</c>.</returns>
    public virtual LicenseError LeaseExpired() =>
        new(LicenseErrorCodes.LeaseExpired, "The instance's lease lapsed without a heartbeat; activate again to take a seat.", "license_key_instance_id");

    /// <summary>The license is revoked.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseRevoked"/> error on <c>license_key</c>.</returns>
    public virtual LicenseError LicenseRevoked() => new(LicenseErrorCodes.LicenseRevoked, "The license is revoked.", LicenseKey);

    /// <summary>The license is disabled.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseDisabled"/> error on <c>license_key</c>.</returns>
    public virtual LicenseError LicenseDisabled() => new(LicenseErrorCodes.LicenseDisabled, "The license is disabled.", LicenseKey);

    /// <summary>The license is archived.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseArchived"/> error on <c>license_key</c>.</returns>
    public virtual LicenseError LicenseArchived() => new(LicenseErrorCodes.LicenseArchived, "The license is archived.", LicenseKey);

    /// <summary>The license has expired.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseExpired"/> error on <c>license_key</c>.</returns>
    public virtual LicenseError LicenseExpired() => new(LicenseErrorCodes.LicenseExpired, "The license has expired.", LicenseKey);

    /// <summary>The license has no free activation slot.</summary>
    /// <param name="instancesCount">The live instances.</param>
    /// <param name="activationsLimit">The limit.</param>
    /// <returns>A <see cref="LicenseErrorCodes.LicenseKeyLimitReached"/> error on <c>license_key</c>.</returns>
    public virtual LicenseError LicenseKeyLimitReached(int instancesCount, int activationsLimit) =>
        new(LicenseErrorCodes.LicenseKeyLimitReached, Invariant($"The license already has {instancesCount} of {activationsLimit} allowed activations."), LicenseKey);

    /// <summary>A new activations limit is lower than the live instances.</summary>
    /// <param name="instancesCount">The live instances.</param>
    /// <param name="activationsLimit">The limit asked for.</param>
    /// <returns>A <see cref="LicenseErrorCodes.ActivationLimitLessThanCurrentAmount"/> error on <c>activations_limit</c>.</returns>
    public virtual LicenseError ActivationLimitLessThanCurrentAmount(int instancesCount, int activationsLimit) =>
        new(LicenseErrorCodes.ActivationLimitLessThanCurrentAmount, Invariant($"The license has {instancesCount} live instances; deactivate some before lowering the limit to {activationsLimit}."), "activations_limit");

    /// <summary>The status change is not allowed.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The status asked for.</param>
    /// <returns>A <see cref="LicenseErrorCodes.InvalidStatusTransition"/> error on <c>status</c>.</returns>
    public virtual LicenseError InvalidStatusTransition(LicenseStatus from, LicenseStatus to) =>
        new(LicenseErrorCodes.InvalidStatusTransition, $"A {LicenseWireFormat.ToWire(from)} license cannot become {LicenseWireFormat.ToWire(to)}.", "status");

    /// <summary>The license changed since the version the caller read.</summary>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="currentVersion">The version now stored, when known.</param>
    /// <returns>A <see cref="LicenseErrorCodes.ConcurrencyConflict"/> error on <c>version</c>.</returns>
    public virtual LicenseError ConcurrencyConflict(long expectedVersion, long? currentVersion) =>
        new(LicenseErrorCodes.ConcurrencyConflict, Invariant($"The license was changed since version {expectedVersion} (it is now at {(currentVersion is { } v ? v.ToString(CultureInfo.InvariantCulture) : "an unknown version")}); read it again and retry."), "version");

    /// <summary>Another license of the business already uses the custom key.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.DuplicateKey"/> error on <c>key</c>.</returns>
    public virtual LicenseError DuplicateKey() =>
        new(LicenseErrorCodes.DuplicateKey, "Another license of this business already uses this key.", "key");

    /// <summary>The idempotency key was used before with a different request.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.IdempotencyKeyConflict"/> error on <c>idempotency_key</c>.</returns>
    public virtual LicenseError IdempotencyKeyConflict() =>
        new(LicenseErrorCodes.IdempotencyKeyConflict, "This idempotency key was already used with a different request.", "idempotency_key");

    /// <summary>No unused key was generated within the attempts allowed.</summary>
    /// <param name="attempts">The attempts made.</param>
    /// <returns>A <see cref="LicenseErrorCodes.KeyGenerationFailed"/> error on <c>key</c>.</returns>
    public virtual LicenseError KeyGenerationFailed(int attempts) =>
        new(LicenseErrorCodes.KeyGenerationFailed, Invariant($"No unused key was generated in {attempts} attempts; the key format leaves too little room."), "key");

    private const string Metadata = "metadata";

    private const string Entitlements = "entitlements";

    private const string LicenseKey = "license_key";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>An event feed cursor this API did not return.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.InvalidCursor"/> error on <c>after</c>.</returns>
    public virtual LicenseError InvalidEventCursor() =>
        new(LicenseErrorCodes.InvalidCursor, "The cursor is not one this API returned.", "after");

    /// <summary>No recorded event with the id is visible to the business.</summary>
    /// <returns>A <see cref="LicenseErrorCodes.EventNotFound"/> error on <c>id</c>.</returns>
    public virtual LicenseError EventNotFound() =>
        new(LicenseErrorCodes.EventNotFound, "No event with this id exists.", "id");

    /// <summary>The event to re-drive is not parked.</summary>
    /// <param name="state">Its state.</param>
    /// <returns>A <see cref="LicenseErrorCodes.EventNotParked"/> error on <c>id</c>.</returns>
    public virtual LicenseError EventNotParked(LicenseEventState state) =>
        new(LicenseErrorCodes.EventNotParked, $"The event is {state.ToString().ToLowerInvariant()}, not parked; only a parked event can be re-driven.", "id");
}
