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
        var granted = signer is null ? LicenseEntitlements.Empty : EffectiveEntitlements.Of(license, policy);

        // Read the instance first and answer from it what needs no write; then sign the token for the renewed lease before
        // renewing it, as an activation signs before it writes, so a signing failure leaves the lease as it was.
        var instance = InputValidator.IsLookupable(request.LicenseKeyInstanceId, LicenseLimits.MaxIdLength)
            ? await context.Store.FindInstanceAsync(businessId, license.Id, request.LicenseKeyInstanceId, null, cancellationToken).ConfigureAwait(false)
            : null;
        if (instance is null)
        {
            return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.InstanceNotFound());
        }

        if (ActivationRule.IsLapsed(instance, now))
        {
            return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.LeaseExpired());
        }

        // A heartbeat without a floating policy, or of an instance without a lease, renews nothing: it confirms the instance.
        var expected = LeaseEnd(policy, now) is { } leaseEnd && instance.LeaseExpiresAt is not null ? instance with { LeaseExpiresAt = leaseEnd } : instance;
        var token = signer is null ? null : await signer.SignAsync(EffectiveEntitlements.ForToken(license, granted), expected, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(expected, instance))
        {
            return context.Succeed(LicenseOperation.Heartbeat, new LicenseHeartbeatResponse { Instance = instance, License = license, SignedLicense = token });
        }

        var result = await context.Store.RenewLeaseAsync(new InstanceLeaseRenewal(businessId, license.Id, instance.Id, expected.LeaseExpiresAt!.Value, now), cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case InstanceLeaseRenewalOutcome.Renewed or InstanceLeaseRenewalOutcome.NotLeased:
                var (renewedToken, tokenUnavailable) = await TokenForWrittenAsync(token, expected, license, result.Instance!, granted, cancellationToken).ConfigureAwait(false);
                return context.Succeed(LicenseOperation.Heartbeat, new LicenseHeartbeatResponse { Instance = result.Instance!, License = license, SignedLicense = renewedToken, SignedLicenseUnavailable = tokenUnavailable });

            case InstanceLeaseRenewalOutcome.LeaseExpired:
                return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.LeaseExpired());

            case InstanceLeaseRenewalOutcome.InstanceNotFound:
                return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.InstanceNotFound());

            default:
                return context.Refuse<LicenseHeartbeatResponse>(LicenseOperation.Heartbeat, context.Describe.LicenseKeyNotFound());
        }
    }

    /// <summary>
    /// The token for an instance whose lease was just renewed: the one signed before the write when the store holds what it
    /// describes; otherwise (a concurrent renewal landed in between) signed again, where a failure no longer throws, since
    /// the lease is renewed, but says the token is unavailable.
    /// </summary>
    private async Task<(string? Token, bool Unavailable)> TokenForWrittenAsync(string? signed, LicenseInstance expected, License license, LicenseInstance written, LicenseEntitlements granted, CancellationToken cancellationToken) =>
        signed is null || written == expected ? (signed, false) : await SignAfterWriteAsync(EffectiveEntitlements.ForToken(license, granted), written, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The answer to a device activating again while its instance is live: a floating one also renews its lease, as a
    /// heartbeat would, with the token for the renewed lease signed before the renewal is written.
    /// </summary>
    private async Task<LicenseActivationResponse> ActivateAgainAsync(InstanceActivationResult result, DateTimeOffset? leaseEnd, License license, LicenseEntitlements granted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = result.Instance!;
        var expected = leaseEnd is { } lease && existing.LeaseExpiresAt is not null ? existing with { LeaseExpiresAt = lease } : existing;
        var token = signer is null ? null : await signer.SignAsync(EffectiveEntitlements.ForToken(license, granted), expected, cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(expected, existing))
        {
            return new LicenseActivationResponse { Instance = existing, License = license, AlreadyActivated = true, SignedLicense = token };
        }

        var renewal = await context.Store.RenewLeaseAsync(new InstanceLeaseRenewal(license.BusinessId, license.Id, existing.Id, expected.LeaseExpiresAt!.Value, now), cancellationToken).ConfigureAwait(false);
        if (renewal.Outcome != InstanceLeaseRenewalOutcome.Renewed)
        {
            // The lease lapsed or the instance was removed just now: nothing was written; answer with the instance as read.
            var asRead = signer is null ? null : await signer.SignAsync(EffectiveEntitlements.ForToken(license, granted), existing, cancellationToken).ConfigureAwait(false);
            return new LicenseActivationResponse { Instance = existing, License = license, AlreadyActivated = true, SignedLicense = asRead };
        }

        var (renewedToken, tokenUnavailable) = await TokenForWrittenAsync(token, expected, license, renewal.Instance!, granted, cancellationToken).ConfigureAwait(false);
        return new LicenseActivationResponse { Instance = renewal.Instance!, License = license, AlreadyActivated = true, SignedLicense = renewedToken, SignedLicenseUnavailable = tokenUnavailable };
    }

    /// <summary>The end of the lease an activation at <paramref name="now"/> takes: only a floating policy gives one.</summary>
    private static DateTimeOffset? LeaseEnd(LicensePolicy? policy, DateTimeOffset now) =>
        policy is { SeatMode: LicenseSeatMode.Floating, LeaseDuration: { } duration } ? Clock.TruncateToMilliseconds(now + duration) : null;

    /// <summary>
    /// The expiry a license whose term starts at its first activation gets from an activation at <paramref name="now"/>;
    /// <see langword="null"/> when the license has an expiry already or no duration (the store sets it only while unset).
    /// </summary>
    private static DateTimeOffset? ExpiryOnFirstActivation(LicensePolicy? policy, License license, DateTimeOffset now) =>
        policy is { ExpirationBasis: LicenseExpirationBasis.FromFirstActivation } && license is { ExpiresAt: null, DurationHours: { } hours } ? now.AddHours(hours) : null;

    /// <summary>Logs the lapsed instances an activation removed to take a seat; the store recorded their events with the write.</summary>
    private void LogLapsedRemoved(InstanceActivationResult result)
    {
        foreach (var lapsed in result.RemovedLapsedInstances)
        {
            Log.LapsedInstanceRemoved(context.Logger, lapsed.Id, lapsed.LicenseId);
        }
    }
}
