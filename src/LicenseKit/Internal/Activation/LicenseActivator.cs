using LicenseKit.Stores;

namespace LicenseKit.Internal;

/// <summary>The default <see cref="ILicenseActivator"/>.</summary>
internal sealed partial class LicenseActivator(LicenseKitContext context, ILicenseTokenSigner? signer = null) : ILicenseActivator
{
    // A key as a customer typed or pasted it: the longest stored key plus room for surrounding whitespace.
    private const int MaxKeyInputLength = LicenseLimits.MaxKeyLength + 64;

    public async Task<LicenseResult<LicenseActivationResponse>> ActivateAsync(ActivateLicenseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = LicenseKitTelemetry.StartActivity("LicenseKit.Activate");

        // A key pasted from an e-mail carries line breaks or tabs around it; like validation, ignore them.
        var key = request.LicenseKey?.Trim();
        List<LicenseError>? errors = null;
        InputValidator.RequiredText(context.Describe, ref errors, key, "license_key", MaxKeyInputLength);
        InputValidator.RequiredText(context.Describe, ref errors, request.Name, "name", LicenseLimits.MaxInstanceNameLength);
        InputValidator.OptionalText(context.Describe, ref errors, request.Fingerprint, "fingerprint", LicenseLimits.MaxFingerprintLength);
        if (errors is not null)
        {
            return context.Refuse<LicenseActivationResponse>(LicenseOperation.Activate, errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var normalizedKey = LicenseKeyNormalizer.Normalize(key!);
        var found = await context.Keys.FindByKeyAsync(context.Store, businessId, normalizedKey, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return context.Refuse<LicenseActivationResponse>(LicenseOperation.Activate, context.Describe.LicenseKeyNotFound());
        }

        // The caller holds the key, so the response and the signed token may carry it; events get the license as stored.
        var license = context.Keys.Reveal(found, normalizedKey);

        // The store applies ActivationRule atomically and reports why it refused. This early answer from the read applies
        // the same rule, so that a refused activation costs no signature.
        var now = context.Now();
        if (ActivationRule.Refusal(license, now) is { } refusal)
        {
            return context.Refuse<LicenseActivationResponse>(LicenseOperation.Activate, [LicenseRules.ActivationRefusal(context.Describe, refusal, license)]);
        }

        var policy = await context.PolicyAsync(businessId, license.ProductId, cancellationToken).ConfigureAwait(false);
        var instance = new LicenseInstance
        {
            Id = PrefixedId.Create(PrefixedId.Instance),
            BusinessId = businessId,
            LicenseId = license.Id,
            Name = request.Name,
            Fingerprint = request.Fingerprint,
            CreatedAt = now,
            LeaseExpiresAt = LeaseEnd(policy, now),
        };
        var activation = new InstanceActivation(businessId, license.Id, instance, now) { ExpiresAtOnFirstActivation = ExpiryOnFirstActivation(policy, license, now) };

        // Signing can still fail (a vault that is down): sign the license as the write will leave it, before the write,
        // so a failure uses no slot.
        var expected = license with
        {
            InstancesCount = license.InstancesCount + 1,
            ExpiresAt = ActivationRule.ExpiresAtAfter(license, activation),
            UpdatedAt = now,
            Version = license.Version + 1,
        };
        var granted = signer is null ? LicenseEntitlements.Empty : EffectiveEntitlements.Of(license, policy);
        var token = signer is null ? null : await signer.SignAsync(EffectiveEntitlements.ForToken(expected, granted), instance, cancellationToken).ConfigureAwait(false);
        var result = await context.Store.ActivateAsync(activation, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case InstanceActivationOutcome.Activated:
                var written = context.Keys.Reveal(result.License!, normalizedKey);
                var tokenUnavailable = false;
                if (token is not null && written != expected)
                {
                    // A concurrent change landed in between: the token must describe what was written, so the one signed
                    // before is no good. The instance is stored now, so a failure from here on is no exception for the
                    // caller: the answer says the token is unavailable instead.
                    (token, tokenUnavailable) = await SignAfterWriteAsync(EffectiveEntitlements.ForToken(written, granted), instance, cancellationToken).ConfigureAwait(false);
                }

                Log.InstanceActivated(context.Logger, instance.Id, license.Id);
                LogLapsedRemoved(result);
                return context.Succeed(LicenseOperation.Activate, new LicenseActivationResponse { Instance = instance, License = written, SignedLicense = token, SignedLicenseUnavailable = tokenUnavailable });

            case InstanceActivationOutcome.ExistingInstance:
                return context.Succeed(LicenseOperation.Activate, await ActivateAgainAsync(result, instance.LeaseExpiresAt, context.Keys.Reveal(result.License!, normalizedKey), granted, now, cancellationToken).ConfigureAwait(false));

            default:
                return context.Refuse<LicenseActivationResponse>(LicenseOperation.Activate, [LicenseRules.ActivationRefusal(context.Describe, result.Outcome, result.License)]);
        }
    }

    public async Task<LicenseResult<LicenseInstance>> DeactivateAsync(DeactivateLicenseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = LicenseKitTelemetry.StartActivity("LicenseKit.Deactivate");

        var key = request.LicenseKey?.Trim();
        List<LicenseError>? errors = null;
        InputValidator.RequiredText(context.Describe, ref errors, key, "license_key", MaxKeyInputLength);
        InputValidator.RequiredText(context.Describe, ref errors, request.LicenseKeyInstanceId, "license_key_instance_id", LicenseLimits.MaxIdLength);
        if (errors is not null)
        {
            return context.Refuse<LicenseInstance>(LicenseOperation.Deactivate, errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var license = await context.Keys.FindByKeyAsync(context.Store, businessId, LicenseKeyNormalizer.Normalize(key!), cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return context.Refuse<LicenseInstance>(LicenseOperation.Deactivate, context.Describe.LicenseKeyNotFound());
        }

        var now = context.Now();
        var result = await context.Store.DeactivateAsync(businessId, license.Id, request.LicenseKeyInstanceId, now, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case InstanceDeactivationOutcome.Deactivated:
                Log.InstanceDeactivated(context.Logger, result.Instance!.Id, license.Id);
                return context.Succeed(LicenseOperation.Deactivate, result.Instance);

            case InstanceDeactivationOutcome.InstanceNotFound:
                return context.Refuse<LicenseInstance>(LicenseOperation.Deactivate, context.Describe.InstanceNotFound());

            default:
                return context.Refuse<LicenseInstance>(LicenseOperation.Deactivate, context.Describe.LicenseKeyNotFound());
        }
    }

    public async Task<LicenseValidationResult> ValidateAsync(ValidateLicenseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = LicenseKitTelemetry.StartActivity("LicenseKit.Validate");

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var normalizedKey = InputValidator.IsLookupable(request.LicenseKey, MaxKeyInputLength) ? LicenseKeyNormalizer.Normalize(request.LicenseKey) : null;
        var found = normalizedKey is null ? null : await context.Keys.FindByKeyAsync(context.Store, businessId, normalizedKey, cancellationToken).ConfigureAwait(false);
        var license = found is null ? null : context.Keys.Reveal(found, normalizedKey!);

        var now = context.Now();
        LicenseInstance? instance = null;
        var code = license is null ? LicenseValidationCode.NotFound : LicenseRules.ValidationCode(license, now);
        if (code == LicenseValidationCode.Valid && (request.LicenseKeyInstanceId is not null || request.Fingerprint is not null))
        {
            instance = IsLookupableOrAbsent(request.LicenseKeyInstanceId, LicenseLimits.MaxIdLength) && IsLookupableOrAbsent(request.Fingerprint, LicenseLimits.MaxFingerprintLength)
                ? await context.Store.FindInstanceAsync(businessId, license!.Id, request.LicenseKeyInstanceId, request.Fingerprint, cancellationToken).ConfigureAwait(false)
                : null;
            code = instance is null ? LicenseValidationCode.InstanceNotFound
                : ActivationRule.IsLapsed(instance, now) ? LicenseValidationCode.LeaseExpired
                : code;
        }

        var granted = license is null ? LicenseEntitlements.Empty : await GrantedAsync(businessId, license, cancellationToken).ConfigureAwait(false);
        if (code == LicenseValidationCode.Valid && !EffectiveEntitlements.GrantsAll(granted, request.Entitlements))
        {
            code = LicenseValidationCode.EntitlementMissing;
        }

        context.Telemetry.Validated(code);
        if (code != LicenseValidationCode.Valid && context.Events.HasHandlers)
        {
            await context.Events.DispatchAsync(
                new LicenseValidationFailed { EventId = LicenseKitContext.NewEventId(), BusinessId = businessId, OccurredAt = now, Code = code, License = found },
                cancellationToken).ConfigureAwait(false);
        }

        // Only a client validating its own instance gets a token: signing costs tens of microseconds, and an unbound
        // token is not what an offline client should carry.
        var token = code == LicenseValidationCode.Valid && instance is not null && signer is not null
            ? await signer.SignAsync(EffectiveEntitlements.ForToken(license!, granted), instance, cancellationToken).ConfigureAwait(false)
            : null;
        return new LicenseValidationResult { Code = code, License = license, Instance = instance, Entitlements = granted, SignedLicense = token };
    }

    private async Task<(string? Token, bool Unavailable)> SignAfterWriteAsync(License written, LicenseInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            return (await signer!.SignAsync(written, instance, cancellationToken).ConfigureAwait(false), false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Only the caller's own cancellation surfaces, as for event handlers.
            Log.SigningFailedAfterActivation(context.Logger, ex, instance.Id, written.Id);
            return (null, true);
        }
    }

    private async ValueTask<LicenseEntitlements> GrantedAsync(string businessId, License license, CancellationToken cancellationToken) =>
        EffectiveEntitlements.Of(license, await context.PolicyAsync(businessId, license.ProductId, cancellationToken).ConfigureAwait(false));

    private static bool IsLookupableOrAbsent(string? value, int maxLength) =>
        value is null || InputValidator.IsLookupable(value, maxLength);
}
