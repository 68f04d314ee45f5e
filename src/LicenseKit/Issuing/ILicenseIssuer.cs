namespace LicenseKit;

/// <summary>Issues new licenses (the Create License Key operation of the REST wire format).</summary>
public interface ILicenseIssuer
{
    /// <summary>
    /// Validates the request and issues an <see cref="LicenseStatus.Active"/> license for the current business, with a
    /// generated key unless the request carries one.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The license, or the errors (every invalid field at once; <see cref="LicenseErrorCodes.DuplicateKey"/>;
    /// <see cref="LicenseErrorCodes.IdempotencyKeyConflict"/>). Nothing is stored on failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    Task<LicenseResult<License>> IssueAsync(IssueLicenseRequest request, CancellationToken cancellationToken = default);
}
