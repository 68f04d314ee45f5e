using LicenseKit.Stores;

namespace LicenseKit.Internal;

/// <summary>The default <see cref="ILicenseManager"/>.</summary>
internal sealed class LicenseManager(LicenseKitContext context) : ILicenseManager
{
    public async Task<License?> FindByIdAsync(string licenseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseId);
        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false) is { } license ? context.Keys.Reveal(license) : null;
    }

    public async Task<License?> FindByKeyAsync(string licenseKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseKey);
        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var normalized = LicenseKeyNormalizer.Normalize(licenseKey);
        return InputValidator.IsLookupable(normalized, LicenseLimits.MaxKeyLength)
            && await context.Keys.FindByKeyAsync(context.Store, businessId, normalized, cancellationToken).ConfigureAwait(false) is { } license
            ? context.Keys.Reveal(license, normalized)
            : null;
    }

    public async Task<LicenseResult<LicensePage>> ListAsync(LicenseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<LicenseError>? errors = null;
        var pageSize = query.PageSize ?? context.Options.DefaultPageSize;
        InputValidator.Range(context.Describe, ref errors, pageSize, "page_size", 1, context.Options.MaxPageSize);
        InputValidator.OptionalText(context.Describe, ref errors, query.ProductId, "product_id", LicenseLimits.MaxIdLength);
        InputValidator.OptionalText(context.Describe, ref errors, query.CustomerId, "customer_id", LicenseLimits.MaxIdLength);
        LicenseKeysetPosition? after = null;
        if (query.Cursor is not null)
        {
            if (LicenseCursor.TryDecode(query.Cursor, out var position))
            {
                after = position;
            }
            else
            {
                InputValidator.Add(ref errors, context.Describe.InvalidCursor());
            }
        }

        if (errors is not null)
        {
            return LicenseResult<LicensePage>.Failed(errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var storeQuery = new LicenseKeysetQuery
        {
            ProductId = query.ProductId,
            CustomerId = query.CustomerId,
            Status = query.Status,
            Archived = query.Archived,
            CreatedFrom = query.CreatedFrom,
            CreatedBefore = query.CreatedBefore,
            After = after,
            Limit = pageSize + 1, // one more than asked tells whether a next page exists
        };

        var items = context.Keys.Reveal(await context.Store.ListAsync(businessId, storeQuery, cancellationToken).ConfigureAwait(false));
        return items.Count > pageSize
            ? LicenseResult<LicensePage>.Success(new LicensePage { Items = items.Take(pageSize).ToArray(), NextCursor = LicenseCursor.Encode(items[pageSize - 1]) })
            : LicenseResult<LicensePage>.Success(new LicensePage { Items = items });
    }

    public Task<LicenseResult<License>> DisableAsync(string licenseId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(licenseId, new LicenseUpdate { Status = LicenseStatus.Disabled }, expectedVersion, cancellationToken);

    public Task<LicenseResult<License>> EnableAsync(string licenseId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(licenseId, new LicenseUpdate { Status = LicenseStatus.Active }, expectedVersion, cancellationToken);

    public Task<LicenseResult<License>> RevokeAsync(string licenseId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(licenseId, new LicenseUpdate { Status = LicenseStatus.Revoked }, expectedVersion, cancellationToken);

    public Task<LicenseResult<License>> SetArchivedAsync(string licenseId, bool archived, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(licenseId, new LicenseUpdate { Archived = archived }, expectedVersion, cancellationToken);

    public async Task<LicenseResult<License>> UpdateAsync(string licenseId, LicenseUpdate update, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseId);
        ArgumentNullException.ThrowIfNull(update);
        using var activity = LicenseKitTelemetry.StartActivity("LicenseKit.Update");

        var errors = ValidateUpdate(update);
        if (errors is not null)
        {
            return context.Refuse<License>(LicenseOperation.Update, errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        if (!InputValidator.IsLookupable(licenseId, LicenseLimits.MaxIdLength))
        {
            return context.Refuse<License>(LicenseOperation.Update, context.Describe.LicenseNotFound());
        }

        // The store applies the change atomically to what it holds, re-applying it when an activation lands meanwhile, so
        // only another edit can make it conflict, and only when the caller named the version it read.
        var now = context.Now();
        var result = await context.Store.EditAsync(new LicenseEdit(businessId, licenseId, ApplyNow, expectedVersion), cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case LicenseEditOutcome.Edited:
                // The store recorded the event with the write (LicenseEventRecord.Edited), from the license as stored: never a
                // key. The caller sees what a read would show.
                return context.Succeed(LicenseOperation.Update, context.Keys.Reveal(result.License!));

            case LicenseEditOutcome.Unchanged:
                return LicenseResult<License>.Success(context.Keys.Reveal(result.License!)); // nothing changed, nothing written

            case LicenseEditOutcome.Refused:
                return context.Refuse<License>(LicenseOperation.Update, result.Errors!);

            case LicenseEditOutcome.LimitBelowInstances:
                return context.Refuse<License>(LicenseOperation.Update, [context.Describe.ActivationLimitLessThanCurrentAmount(result.License!.InstancesCount, result.RequestedLimit ?? 0)]);

            case LicenseEditOutcome.ConcurrencyConflict:
                return context.Refuse<License>(LicenseOperation.Update, [context.Describe.ConcurrencyConflict(expectedVersion ?? 0, result.License?.Version)]);

            default:
                return context.Refuse<License>(LicenseOperation.Update, context.Describe.LicenseNotFound());
        }

        LicenseResult<License> ApplyNow(License current)
        {
            var applied = Apply(current, update);
            return applied.Succeeded && applied.Value != current ? LicenseResult<License>.Success(applied.Value! with { UpdatedAt = now }) : applied;
        }
    }

    public async Task<LicenseResult<IReadOnlyList<LicenseInstance>>> ListInstancesAsync(string licenseId, CancellationToken cancellationToken = default)
    {
        var license = await FindByIdAsync(licenseId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return LicenseResult<IReadOnlyList<LicenseInstance>>.Failed([context.Describe.LicenseNotFound()]);
        }

        var instances = await context.Store.ListInstancesAsync(license.BusinessId, license.Id, cancellationToken).ConfigureAwait(false);
        return LicenseResult<IReadOnlyList<LicenseInstance>>.Success(instances);
    }

    // An id no license can have is not worth a store round trip, and U+0000 would fail differently on each database.
    private Task<License?> FindAsync(string businessId, string licenseId, CancellationToken cancellationToken) =>
        !InputValidator.IsLookupable(licenseId, LicenseLimits.MaxIdLength)
            ? Task.FromResult<License?>(null)
            : context.Store.FindByIdAsync(businessId, licenseId, cancellationToken);

    private List<LicenseError>? ValidateUpdate(LicenseUpdate update)
    {
        List<LicenseError>? errors = null;
        if (update.Status.HasValue && !Enum.IsDefined(update.Status.Value))
        {
            InputValidator.Add(ref errors, context.Describe.InvalidStatus("status"));
        }

        if (update.ActivationsLimit.HasValue)
        {
            InputValidator.Range(context.Describe, ref errors, update.ActivationsLimit.Value, "activations_limit", 0, LicenseLimits.MaxActivationsLimit);
        }

        if (update.DurationHours.HasValue)
        {
            InputValidator.Range(context.Describe, ref errors, update.DurationHours.Value, "duration_hours", 1, LicenseLimits.MaxDurationHours);
        }

        if (update.DurationHours.HasValue && update.ExpiresAt.HasValue)
        {
            InputValidator.Add(ref errors, context.Describe.FieldsConflict("expires_at", "duration_hours"));
        }

        if (update.ActivationMessage.HasValue)
        {
            InputValidator.OptionalText(context.Describe, ref errors, update.ActivationMessage.Value, "activation_message", LicenseLimits.MaxActivationMessageLength, allowLineBreaks: true);
        }

        if (update.Metadata.HasValue)
        {
            InputValidator.Metadata(context.Describe, ref errors, update.Metadata.Value);
        }

        if (update.Entitlements.HasValue)
        {
            InputValidator.Entitlements(context.Describe, ref errors, update.Entitlements.Value);
        }

        return errors;
    }

    /// <summary>Computes the license after <paramref name="update"/>, or the rule it breaks.</summary>
    private LicenseResult<License> Apply(License current, LicenseUpdate update)
    {
        var next = current;
        if (update.Status.HasValue && update.Status.Value != current.Status)
        {
            if (!IsAllowedTransition(current.Status, update.Status.Value))
            {
                return LicenseResult<License>.Failed([context.Describe.InvalidStatusTransition(current.Status, update.Status.Value)]);
            }

            next = next with { Status = update.Status.Value };
        }

        if (update.ActivationsLimit.HasValue)
        {
            // Not below the live instances: the store refuses that atomically (ActivationRule.IsOverLimit).
            next = next with { ActivationsLimit = update.ActivationsLimit.Value };
        }

        if (update.DurationHours.HasValue)
        {
            var hours = update.DurationHours.Value;
            next = next with { DurationHours = hours, ExpiresAt = hours is { } h ? current.CreatedAt.AddHours(h) : null };
        }

        if (update.ExpiresAt.HasValue)
        {
            var expiresAt = update.ExpiresAt.Value is { } e ? Clock.TruncateToMilliseconds(e) : (DateTimeOffset?)null;
            if (expiresAt is { } at && (at < current.CreatedAt || at > current.CreatedAt.AddHours(LicenseLimits.MaxDurationHours)))
            {
                return LicenseResult<License>.Failed([context.Describe.ExpiresAtOutOfRange()]);
            }

            next = next with { ExpiresAt = expiresAt, DurationHours = expiresAt == current.ExpiresAt ? current.DurationHours : null };
        }

        if (update.ActivationMessage.HasValue)
        {
            next = next with { ActivationMessage = update.ActivationMessage.Value };
        }

        if (update.Metadata.HasValue)
        {
            next = next with { Metadata = LicenseMetadata.From(update.Metadata.Value) };
        }

        if (update.Entitlements.HasValue)
        {
            next = next with { Entitlements = EffectiveEntitlements.OwnOf(update.Entitlements.Value) };
        }

        if (update.Archived.HasValue)
        {
            next = next with { Archived = update.Archived.Value };
        }

        return LicenseResult<License>.Success(next);
    }

    private static bool IsAllowedTransition(LicenseStatus from, LicenseStatus to) => (from, to) switch
    {
        (LicenseStatus.Active, LicenseStatus.Disabled) => true,
        (LicenseStatus.Disabled, LicenseStatus.Active) => true,
        (LicenseStatus.Active or LicenseStatus.Disabled, LicenseStatus.Revoked) => true,
        _ => false,
    };
}
