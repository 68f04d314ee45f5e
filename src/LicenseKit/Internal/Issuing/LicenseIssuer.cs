using LicenseKit.Stores;

namespace LicenseKit.Internal;

/// <summary>The default <see cref="ILicenseIssuer"/>.</summary>
internal sealed class LicenseIssuer(LicenseKitContext context, IKeyGenerator keyGenerator) : ILicenseIssuer
{
    public async Task<LicenseResult<License>> IssueAsync(IssueLicenseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = LicenseKitTelemetry.StartActivity("LicenseKit.Issue");

        var errors = Validate(request);
        if (errors is not null)
        {
            return context.Refuse<License>(LicenseOperation.Issue, errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var policy = await context.PolicyAsync(businessId, request.ProductId, cancellationToken).ConfigureAwait(false);

        // A create that omits a value takes the product's default; one that gives it keeps its own.
        var activationsLimit = request.ActivationsLimit ?? policy?.ActivationsLimit;
        var durationHours = request.DurationHours ?? policy?.DurationHours;
        var now = context.Now();
        var customKey = request.Key?.Trim();
        // A custom key is normalized and hashed once here; the request hash, the older-secret check and the stored row share it.
        var customNormalized = customKey is null ? null : LicenseKeyNormalizer.Normalize(customKey);
        var customKeyHash = customNormalized is null ? null : context.Keys.Hasher.Hash(customNormalized);
        var idempotency = request.IdempotencyKey is { } idempotencyKey
            ? new LicenseIdempotency(context.Keys.HashIdempotencyKey(idempotencyKey), RequestHash.Compute(request, customKeyHash))
            : null;
        var metadata = LicenseMetadata.From(request.Metadata);
        var entitlements = EffectiveEntitlements.OwnOf(request.Entitlements);

        // Under a rotated secret a custom key may be stored under an older one, where the unique index cannot see it.
        if (customNormalized is not null && await context.Keys.IsTakenUnderOlderSecretAsync(context.Store, businessId, customNormalized, cancellationToken).ConfigureAwait(false))
        {
            return context.Refuse<License>(LicenseOperation.Issue, context.Describe.DuplicateKey());
        }

        for (var attempt = 1; attempt <= context.Options.MaxKeyGenerationAttempts; attempt++)
        {
            var key = customKey ?? keyGenerator.GenerateKey(new KeyGenerationContext(businessId, request.ProductId));
            var license = context.Keys.Seal(new License
            {
                Id = PrefixedId.Create(PrefixedId.License),
                Status = LicenseStatus.Active,
                BusinessId = businessId,
                ProductId = request.ProductId,
                PaymentId = request.PaymentId,
                CustomerId = request.CustomerId,
                ActivationsLimit = activationsLimit,
                ActivationMessage = request.ActivationMessage,
                InstancesCount = 0,
                DurationHours = durationHours,
                // A term that starts at the first activation has no expiry until then (the activation sets it).
                ExpiresAt = durationHours is { } hours && policy is not { ExpirationBasis: LicenseExpirationBasis.FromFirstActivation } ? now.AddHours(hours) : null,
                Metadata = metadata,
                Archived = false,
                CreatedAt = now,
                UpdatedAt = now,
                Entitlements = entitlements,
                Version = 1,
            }, key, customKeyHash);

            var created = await context.Store.CreateAsync(license, idempotency, cancellationToken).ConfigureAwait(false);
            switch (created.Outcome)
            {
                case LicenseCreateOutcome.Created:
                    Log.LicenseIssued(context.Logger, license.Id, license.ProductId, businessId);
                    activity?.SetTag("licensekit.license_id", license.Id);
                    // The only moment the key is shown when it is not stored: the caller must deliver it now.
                    return context.Succeed(LicenseOperation.Issue, license with { Key = key });

                // A replay answers with the license as it is now (the store's current row), not a snapshot of the first answer.
                case LicenseCreateOutcome.IdempotencyKeyExists when created.ExistingRequestHash == idempotency!.RequestHash:
                    // A custom key was in the request; a generated one is shown again only when keys are stored encrypted.
                    return LicenseResult<License>.Success(customKey is null ? context.Keys.Reveal(created.License!) : context.Keys.Reveal(created.License!, customNormalized!));

                case LicenseCreateOutcome.IdempotencyKeyExists:
                    return context.Refuse<License>(LicenseOperation.Issue, context.Describe.IdempotencyKeyConflict());

                case LicenseCreateOutcome.DuplicateKey when customKey is not null:
                    return context.Refuse<License>(LicenseOperation.Issue, context.Describe.DuplicateKey());

                default:
                    // A generated key or id collided: draw new ones.
                    continue;
            }
        }

        return context.Refuse<License>(LicenseOperation.Issue, context.Describe.KeyGenerationFailed(context.Options.MaxKeyGenerationAttempts));
    }

    private List<LicenseError>? Validate(IssueLicenseRequest request)
    {
        List<LicenseError>? errors = null;
        InputValidator.RequiredText(context.Describe, ref errors, request.ProductId, "product_id", LicenseLimits.MaxIdLength);
        InputValidator.RequiredText(context.Describe, ref errors, request.CustomerId, "customer_id", LicenseLimits.MaxIdLength);
        InputValidator.OptionalText(context.Describe, ref errors, request.PaymentId, "payment_id", LicenseLimits.MaxIdLength);
        InputValidator.Range(context.Describe, ref errors, request.ActivationsLimit, "activations_limit", 0, LicenseLimits.MaxActivationsLimit);
        InputValidator.Range(context.Describe, ref errors, request.DurationHours, "duration_hours", 1, LicenseLimits.MaxDurationHours);
        ValidateCustomKey(ref errors, request.Key?.Trim());
        InputValidator.OptionalText(context.Describe, ref errors, request.ActivationMessage, "activation_message", LicenseLimits.MaxActivationMessageLength, allowLineBreaks: true);
        InputValidator.Metadata(context.Describe, ref errors, request.Metadata);
        InputValidator.Entitlements(context.Describe, ref errors, request.Entitlements);
        InputValidator.OptionalText(context.Describe, ref errors, request.IdempotencyKey, "idempotency_key", LicenseLimits.MaxIdempotencyKeyLength);
        return errors;
    }

    private void ValidateCustomKey(ref List<LicenseError>? errors, string? customKey)
    {
        var before = errors?.Count ?? 0;
        InputValidator.OptionalText(context.Describe, ref errors, customKey, "key", LicenseLimits.MaxKeyLength);
        if (customKey is null || (errors?.Count ?? 0) != before)
        {
            return;
        }

        // Lengths count the normalized key the stores index: NFKC may lengthen a key (one ligature becomes several letters).
        var normalized = LicenseKeyNormalizer.Normalize(customKey);
        if (normalized.Length > LicenseLimits.MaxKeyLength)
        {
            InputValidator.Add(ref errors, context.Describe.FieldTooLong("key", normalized.Length, LicenseLimits.MaxKeyLength));
        }
        else if (normalized.Length < context.Options.MinCustomKeyLength)
        {
            InputValidator.Add(ref errors, context.Describe.KeyTooShort(context.Options.MinCustomKeyLength));
        }
    }
}
