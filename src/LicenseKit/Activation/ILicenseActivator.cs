namespace LicenseKit;

/// <summary>
/// The client-facing side: what an installed copy of the vendor's software calls to activate, deactivate and validate.
/// Keys are matched whitespace- and case-tolerantly within the current business.
/// </summary>
public interface ILicenseActivator
{
    /// <summary>
    /// Activates an instance. Refused with <see cref="LicenseErrorCodes.LicenseKeyNotFound"/>,
    /// <see cref="LicenseErrorCodes.LicenseRevoked"/>, <see cref="LicenseErrorCodes.LicenseDisabled"/>,
    /// <see cref="LicenseErrorCodes.LicenseArchived"/>, <see cref="LicenseErrorCodes.LicenseExpired"/> or
    /// <see cref="LicenseErrorCodes.LicenseKeyLimitReached"/> (checked in that order). A known fingerprint returns its
    /// existing instance without using a slot. The limit holds under any concurrency.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The activation, or the refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    Task<LicenseResult<LicenseActivationResponse>> ActivateAsync(ActivateLicenseRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deactivates an instance and frees its slot, whatever the license's status. Deactivating an instance that is not
    /// live (e.g. twice) fails with <see cref="LicenseErrorCodes.InstanceNotFound"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The deactivated instance, or the refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    Task<LicenseResult<LicenseInstance>> DeactivateAsync(DeactivateLicenseRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates a key, optionally for one instance. Never throws for bad input: any key that matches nothing is
    /// <see cref="LicenseValidationCode.NotFound"/>. Codes are checked in the order of <see cref="LicenseValidationCode"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result with its code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    Task<LicenseValidationResult> ValidateAsync(ValidateLicenseRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps an instance's seat: under a floating product policy renews its lease to now plus the policy's lease
    /// duration, atomically and only if the lease has not lapsed; for a node-locked instance confirms it is live. Refused
    /// with <see cref="LicenseErrorCodes.LicenseKeyNotFound"/>, <see cref="LicenseErrorCodes.LicenseRevoked"/>,
    /// <see cref="LicenseErrorCodes.LicenseDisabled"/>, <see cref="LicenseErrorCodes.LicenseArchived"/>,
    /// <see cref="LicenseErrorCodes.LicenseExpired"/>, <see cref="LicenseErrorCodes.InstanceNotFound"/> or
    /// <see cref="LicenseErrorCodes.LeaseExpired"/> (the seat was lost: activate again).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The instance with its renewed lease, or the refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    Task<LicenseResult<LicenseHeartbeatResponse>> HeartbeatAsync(HeartbeatLicenseRequest request, CancellationToken cancellationToken = default);
}
