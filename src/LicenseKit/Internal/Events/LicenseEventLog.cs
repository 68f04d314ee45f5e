using System.Globalization;
using LicenseKit.Stores;

namespace LicenseKit.Internal;

/// <summary>The default <see cref="ILicenseEventLog"/>.</summary>
internal sealed class LicenseEventLog(LicenseKitContext context, ILicenseEventStore events) : ILicenseEventLog
{
    public async Task<LicenseResult<LicenseEventPage>> ListAsync(LicenseEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<LicenseError>? errors = null;
        var limit = query.Limit ?? context.Options.DefaultPageSize;
        InputValidator.Range(context.Describe, ref errors, limit, "limit", 1, context.Options.MaxPageSize);
        LicenseEventPosition after = default;
        if (query.After is not null && !TryDecodeCursor(query.After, out after))
        {
            InputValidator.Add(ref errors, context.Describe.InvalidEventCursor());
        }

        if (errors is not null)
        {
            return LicenseResult<LicenseEventPage>.Failed(errors);
        }

        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var items = await events.ListEventsAsync(businessId, after, limit, query.State, cancellationToken).ConfigureAwait(false);
        var next = items.Count > 0 ? items[^1].Position : after;
        return LicenseResult<LicenseEventPage>.Success(new LicenseEventPage { Items = items, NextCursor = EncodeCursor(next) });
    }

    public async Task<LicenseResult<LicenseEventRecord>> RedriveAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var businessId = await context.BusinessResolver.GetBusinessIdAsync(cancellationToken).ConfigureAwait(false);
        var record = InputValidator.IsLookupable(eventId, LicenseLimits.MaxIdLength)
            ? await events.RedriveEventAsync(businessId, eventId, context.Now(), cancellationToken).ConfigureAwait(false)
            : null;
        return record switch
        {
            null => LicenseResult<LicenseEventRecord>.Failed([context.Describe.EventNotFound()]),
            // A re-driven event is pending with no attempts and keeps the error that parked it; the store leaves others alone.
            { State: LicenseEventState.Pending, Attempts: 0, LastError: not null } => LicenseResult<LicenseEventRecord>.Success(record),
            _ => LicenseResult<LicenseEventRecord>.Failed([context.Describe.EventNotParked(record.State)]),
        };
    }

    // A cursor is the position of the last event read, in digits only: the sequence alone while the store keeps no
    // transaction ids (so cursors from before they were kept still read on), else "transaction.sequence". No sign, no
    // spaces, nothing a caller could vary.
    private static string EncodeCursor(LicenseEventPosition position) => position.TransactionId == 0
        ? position.Sequence.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{position.TransactionId}.{position.Sequence}");

    private static bool TryDecodeCursor(string cursor, out LicenseEventPosition position)
    {
        position = default;
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        var transaction = 0L;
        if ((dot < 0 || TryDecodeNumber(cursor[..dot], out transaction)) && TryDecodeNumber(cursor[(dot + 1)..], out var sequence))
        {
            position = new LicenseEventPosition(transaction, sequence);
            return true;
        }

        return false;
    }

    private static bool TryDecodeNumber(string digits, out long value)
    {
        value = 0;
        return digits.Length is > 0 and <= 19 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
