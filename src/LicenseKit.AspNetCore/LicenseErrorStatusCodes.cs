using Microsoft.AspNetCore.Http;

namespace LicenseKit;

/// <summary>
/// The one mapping from a stable error code (<see cref="LicenseErrorCodes"/>, <see cref="LicenseHttpErrorCodes"/>) to
/// the HTTP status code of its problem details. Hosts that wrap the core services in endpoints of their own can reuse it
/// to answer exactly as the LicenseKit endpoints do.
/// </summary>
public static class LicenseErrorStatusCodes
{
    /// <summary>Returns the HTTP status code for <paramref name="code"/>.</summary>
    /// <param name="code">A stable error code.</param>
    /// <returns>
    /// 400 for invalid input, 401 when the caller's business cannot be resolved, 404 for an unknown license, key or
    /// instance, 409 for a duplicate key, a reused idempotency key or a concurrent write, 413 for a body over
    /// <see cref="LicenseKitHttpLimits.MaxRequestBodyBytes"/>, 415 for a body that is not JSON, 422 for a refused state change or activation
    /// (limit reached, status transition, disabled, revoked, expired, archived, a lapsed lease), 500 when no unique key could be
    /// generated; 422 for a code this version does not know.
    /// </returns>
    public static int GetStatusCode(string code) => code switch
    {
        LicenseErrorCodes.FieldRequired
            or LicenseErrorCodes.FieldTooLong
            or LicenseErrorCodes.FieldTooShort
            or LicenseErrorCodes.FieldInvalidCharacters
            or LicenseErrorCodes.FieldOutOfRange
            or LicenseErrorCodes.FieldsConflict
            or LicenseErrorCodes.MetadataTooManyEntries
            or LicenseErrorCodes.InvalidCursor
            or LicenseHttpErrorCodes.InvalidJson
            or LicenseHttpErrorCodes.FieldInvalidType
            or LicenseHttpErrorCodes.UnknownField
            or LicenseHttpErrorCodes.RequestBodyRequired => StatusCodes.Status400BadRequest,
        LicenseHttpErrorCodes.BusinessNotResolved => StatusCodes.Status401Unauthorized,
        LicenseErrorCodes.LicenseNotFound
            or LicenseErrorCodes.LicenseKeyNotFound
            or LicenseErrorCodes.InstanceNotFound => StatusCodes.Status404NotFound,
        LicenseErrorCodes.DuplicateKey
            or LicenseErrorCodes.IdempotencyKeyConflict
            or LicenseErrorCodes.ConcurrencyConflict => StatusCodes.Status409Conflict,
        LicenseHttpErrorCodes.RequestBodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        LicenseHttpErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        LicenseErrorCodes.LicenseKeyLimitReached
            or LicenseErrorCodes.ActivationLimitLessThanCurrentAmount
            or LicenseErrorCodes.InvalidStatusTransition
            or LicenseErrorCodes.LicenseDisabled
            or LicenseErrorCodes.LicenseRevoked
            or LicenseErrorCodes.LicenseExpired
            or LicenseErrorCodes.LicenseArchived
            or LicenseErrorCodes.LeaseExpired => StatusCodes.Status422UnprocessableEntity,
        LicenseErrorCodes.KeyGenerationFailed => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
