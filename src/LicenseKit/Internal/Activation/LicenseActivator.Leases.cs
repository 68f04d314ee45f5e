using LicenseKit.Stores;

namespace LicenseKit.Internal;

// Floating seats and the expiry from first activation, as the product's policy asks for them.
internal sealed partial class LicenseActivator
{
    public async Task<LicenseResult<LicenseHeartbeatResponse>> HeartbeatAsync(HeartbeatLicenseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = LicenseKitTelemetry.StartActivity("LicenseKit.Heartbeat");

        var key = request.LicenseKey?.Trim();
        List<LicenseError>? errors = null;
        InputValidator.RequiredText(context.Describe, ref errors, key, "license_key", MaxKeyInputLength);
        InputValidator.RequiredText(context.Describe, ref errors, request.LicenseKeyInstanceId, "license_key_instance_id", LicenseLimits.MaxIdLength);
        if (errors is not null)
        {
            return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var normalizedKey = LicenseKeyNormalizer.Normalize(key!);
        var found = await context.Keys.FindByKeyAsync(context.Store, businessId, normalizedKey, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.LicenseKeyNotFound());
        }

        // The caller holds the key, so the response and the signed token may carry it.
        var license = context.Keys.Reveal(found, normalizedKey);

        // A license that may no longer be activated keeps no seat: its lease is not renewed, so it lapses.
        var now = context.Now();
        if (ActivationRule.Refusal(license, now) is { } refusal)
        {
            return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, [LicenseRules.ActivationRefusal(context.Describe, refusal, license)]);
        }

        var policy = await context.PolicyAsync(businessId, license.ProductId, cancellationToken).ConfigureAwait(false);
        var (outcome, instance) = LeaseEnd(policy, now) is { } leaseEnd
            ? await RenewAsync(new InstanceLeaseRenewal(businessId, license.Id, request.LicenseKeyInstanceId, leaseEnd, now), cancellationToken).ConfigureAwait(false)
            : await ConfirmAsync(businessId, license.Id, request.LicenseKeyInstanceId, now, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case InstanceLeaseRenewalOutcome.Renewed or InstanceLeaseRenewalOutcome.NotLeased:
                var token = signer is null ? null : await signer.SignAsync(EffectiveEntitlements.ForToken(license, await GrantedAsync(businessId, license, cancellationToken).ConfigureAwait(false)), instance, cancellationToken).ConfigureAwait(false);
                return context.Succeed(LicenseOperation.Heartbeat, new LicenseHeartbeatResponse { Instance = instance!, License = license, SignedLicense = token });

            case InstanceLeaseRenewalOutcome.LeaseExpired:
                return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.LeaseExpired());

            case InstanceLeaseRenewalOutcome.InstanceNotFound:
                return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.InstanceNotFound());

            default:
                return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.LicenseKeyNotFound());
        }
    }

    /// <summary>The end of the lease an activation at <paramref name="now"/> takes: only a floating policy gives one.</summary>
    private static DateTimeOffset? LeaseEnd(LicensePolicy? policy, DateTimeOffset now) =>
        policy is { SeatMode: LicenseSeatMode.Floating, LeaseDuration: { } duration } ? now + duration : null;

    /// <summary>
    /// The expiry a license whose term starts at its first activation gets from an activation at <paramref name="now"/>;
    /// <see langword="null"/> when the license has an expiry already or no duration (the store sets it only while unset).
    /// </summary>
    private static DateTimeOffset? ExpiryOnFirstActivation(LicensePolicy? policy, License license, DateTimeOffset now) =>
        policy is { ExpirationBasis: LicenseExpirationBasis.FromFirstActivation } && license is { ExpiresAt: null, DurationHours: { } hours } ? now.AddHours(hours) : null;

    private async Task<(InstanceLeaseRenewalOutcome, LicenseInstance?)> RenewAsync(InstanceLeaseRenewal renewal, CancellationToken cancellationToken)
    {
        var result = await context.Store.RenewLeaseAsync(renewal, cancellationToken).ConfigureAwait(false);
        return (result.Outcome, result.Instance);
    }

    /// <summary>A heartbeat without a floating policy renews nothing: it confirms the instance is there, and a lease it still holds (the policy changed) is judged as it is.</summary>
    private async Task<(InstanceLeaseRenewalOutcome, LicenseInstance?)> ConfirmAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instance = InputValidator.IsLookupable(instanceId, LicenseLimits.MaxIdLength)
            ? await context.Store.FindInstanceAsync(businessId, licenseId, instanceId, null, cancellationToken).ConfigureAwait(false)
            : null;
        var outcome = instance switch
        {
            null => InstanceLeaseRenewalOutcome.InstanceNotFound,
            _ when ActivationRule.IsLapsed(instance, now) => InstanceLeaseRenewalOutcome.LeaseExpired,
            _ => InstanceLeaseRenewalOutcome.NotLeased,
        };
        return (outcome, instance);
    }

    /// <summary>Logs the lapsed instances an activation removed to take a seat; the store recorded their events with the write.</summary>
    private void LogLapsedRemoved(InstanceActivationResult result)
    {
        foreach (var lapsed in result.RemovedLapsedInstances)
        {
            Log.LapsedInstanceRemoved(context.Logger, lapsed.Id, lapsed.LicenseId);
        }
    }
}
