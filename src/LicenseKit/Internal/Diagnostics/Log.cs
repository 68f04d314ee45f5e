using Microsoft.Extensions.Logging;

namespace LicenseKit.Internal;

// Every message in one declaration: with the class split over files, the logging generator emitted the parts in a
// varying order, and two builds of one commit gave different assemblies.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Issued license {LicenseId} for product {ProductId} in business {BusinessId}.")]
    public static partial void LicenseIssued(ILogger logger, string licenseId, string productId, string businessId);

    [LoggerMessage(2, LogLevel.Debug, "{Operation} refused with {Code} (field {Field}).")]
    public static partial void OperationRefused(ILogger logger, string operation, string code, string? field);

    [LoggerMessage(3, LogLevel.Error, "License event handler {Handler} failed on {EventType} {EventId}; the operation itself succeeded.")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception, string handler, string eventType, string eventId);

    // Event id 4 (a retried write) is retired: stores re-apply edits and re-read activations themselves.

    [LoggerMessage(5, LogLevel.Information, "Activated instance {InstanceId} of license {LicenseId}.")]
    public static partial void InstanceActivated(ILogger logger, string instanceId, string licenseId);

    [LoggerMessage(6, LogLevel.Information, "Deactivated instance {InstanceId} of license {LicenseId}.")]
    public static partial void InstanceDeactivated(ILogger logger, string instanceId, string licenseId);

    [LoggerMessage(7, LogLevel.Information, "Removed instance {InstanceId} of license {LicenseId}: its lease lapsed.")]
    public static partial void LapsedInstanceRemoved(ILogger logger, string instanceId, string licenseId);

    [LoggerMessage(8, LogLevel.Error, "Instance {InstanceId} of license {LicenseId} was activated or its lease renewed, but its signed license could not be signed again after a concurrent change; the answer says the token is unavailable.")]
    public static partial void SigningFailedAfterActivation(ILogger logger, Exception exception, string instanceId, string licenseId);

    [LoggerMessage(20, LogLevel.Warning, "Delivery of {EventType} {EventId} to {Target} failed on attempt {Attempt}; it will be retried or parked.")]
    public static partial void EventDeliveryFailed(ILogger logger, Exception exception, string eventType, string eventId, string target, int attempt);

    [LoggerMessage(21, LogLevel.Error, "Parked {EventType} {EventId} after {Attempts} failed attempts; re-drive it once the handler is fixed.")]
    public static partial void EventParked(ILogger logger, string eventType, string eventId, int attempts);

    [LoggerMessage(150, LogLevel.Warning, "The stored key of license {LicenseId} could not be decrypted (is the data protection key ring shared and complete?); it is shown by its hint only.")]
    public static partial void KeyUnprotectFailed(ILogger logger, Exception exception, string licenseId);
}
