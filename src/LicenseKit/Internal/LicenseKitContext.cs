using LicenseKit.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>The collaborators every operation needs, resolved once per scope instead of repeated in each service.</summary>
internal sealed class LicenseKitContext(
    ILicenseStore store,
    ILicenseBusinessResolver businessResolver,
    IOptions<LicenseKitOptions> options,
    TimeProvider timeProvider,
    LicenseKitTelemetry telemetry,
    LicenseEventDispatcher events,
    LicenseErrorDescriber describer,
    ILicensePolicyProvider policies,
    LicenseKeyVault keys,
    LicenseKitLoggers loggers)
{
    public ILicenseStore Store { get; } = store;

    public ILicenseBusinessResolver BusinessResolver { get; } = businessResolver;

    public LicenseKitOptions Options { get; } = options.Value;

    public ILicensePolicyProvider Policies { get; } = policies;

    public TimeProvider Time { get; } = timeProvider;

    public LicenseKitTelemetry Telemetry { get; } = telemetry;

    public LicenseEventDispatcher Events { get; } = events;

    /// <summary>Hashes keys for the store and shows them back to callers.</summary>
    public LicenseKeyVault Keys { get; } = keys;

    /// <summary>The source of every error's code, field and message.</summary>
    public LicenseErrorDescriber Describe { get; } = describer;

    public ILogger Logger { get; } = loggers.Operations;

    public DateTimeOffset Now() => Time.GetUtcNowMilliseconds();

    /// <summary>The policy of a product, or <see langword="null"/>; a custom provider's bad policy throws here, before anything is written.</summary>
    public async ValueTask<LicensePolicy?> PolicyAsync(string businessId, string productId, CancellationToken cancellationToken) =>
        LicensePolicyRules.EnsureValid(await Policies.GetPolicyAsync(businessId, productId, cancellationToken).ConfigureAwait(false), productId);

    public static string NewEventId() => PrefixedId.Create(PrefixedId.Event);

    public LicenseResult<T> Succeed<T>(LicenseOperation operation, T value)
    {
        Telemetry.Record(operation, null);
        return LicenseResult<T>.Success(value);
    }

    public LicenseResult<T> Refuse<T>(LicenseOperation operation, IReadOnlyList<LicenseError> errors)
    {
        Telemetry.Record(operation, errors[0].Code);
        Log.OperationRefused(Logger, operation.ToString(), errors[0].Code, errors[0].Field);
        return LicenseResult<T>.Failed(errors);
    }

    public LicenseResult<T> Refuse<T>(LicenseOperation operation, LicenseError error) => Refuse<T>(operation, [error]);
}
