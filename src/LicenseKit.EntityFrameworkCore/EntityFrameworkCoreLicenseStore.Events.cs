using System.Data.Common;
using System.Runtime.CompilerServices;
using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LicenseKit.EntityFrameworkCore;

// Events: inserted in the same unit as each write (InsertEvent, RecordEventAsync), claimed with one UPDATE … RETURNING,
// marked with conditional updates that only the lease owner's can match.
public sealed partial class EntityFrameworkCoreLicenseStore<TContext> : ILicenseEventStore
{
    private static readonly ConditionalWeakTable<IModel, LicenseEventStatements> EventStatementsByModel = [];

    private LicenseEventStatements EventStatements =>
        EventStatementsByModel.TryGetValue(_context.Model, out var statements) ? statements : EventStatementsByModel.GetValue(_context.Model, _ => new LicenseEventStatements(_context));

    private IQueryable<LicenseEventEntity> Events => _context.Set<LicenseEventEntity>();

    /// <inheritdoc />
    public async Task<IReadOnlyList<LicenseEventRecord>> ListEventsAsync(string businessId, LicenseEventPosition after, int limit, LicenseEventState? state = null, CancellationToken cancellationToken = default)
    {
        if (LookupValues.CannotMatch(businessId))
        {
            return [];
        }

        var (afterTransaction, afterSequence) = after;
        var events = Events.AsNoTracking().Where(e => e.BusinessId == businessId
            && (e.TransactionId > afterTransaction || (e.TransactionId == afterTransaction && e.Sequence > afterSequence)));
        if (EventStatements.IsPostgreSql)
        {
            // Sequences are taken at insert, not at commit: a later event can commit while an earlier one's transaction
            // still runs. Only events of transactions older than every running one are shown, in transaction order, so
            // nothing can later appear before a position already read. (SQLite has one writer at a time, which commits
            // its events before the next takes sequences; its rows keep transaction id 0 and the order is the sequence.)
            var horizon = await _context.Database.SqlQueryRaw<long>(LicenseEventStatements.FeedHorizonQuery).SingleAsync(cancellationToken).ConfigureAwait(false);
            events = events.Where(e => e.TransactionId < horizon);
        }

        if (state is { } only)
        {
            var value = (int)only;
            events = events.Where(e => e.State == value);
        }

        var rows = await events.OrderBy(e => e.TransactionId).ThenBy(e => e.Sequence).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(LicenseEventMapper.ToRecord);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LicenseEventRecord>> ClaimEventsAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return _execution.RetryableAsync(async () =>
        {
            var connection = _execution.Connection;
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var claimed = new List<LicenseEventRecord>();
                var command = EventStatements.Claim(connection, owner, LicenseMapper.ToUnixMs(now), LicenseMapper.ToUnixMs(leaseUntil), limit);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            claimed.Add(EventStatements.Read(reader));
                        }
                    }
                }

                // RETURNING keeps no order: deliver in recording order.
                claimed.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                return (IReadOnlyList<LicenseEventRecord>)claimed;
            }
            finally
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        });
    }

    /// <inheritdoc />
    public async Task<bool> MarkDeliveredAsync(string eventId, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default) =>
        await MarkDeliveredAsync([eventId], owner, deliveredAt, cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    public Task<int> MarkDeliveredAsync(IReadOnlyCollection<string> eventIds, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var at = LicenseMapper.ToUnixMs(deliveredAt);
        var ids = eventIds.ToArray();
        // One statement for a whole batch; the lease condition is per row, so an event whose lease was lost stays as it is.
        return Events.Where(e => ids.Contains(e.Id) && e.State == (int)LicenseEventState.Pending && e.LeaseOwner == owner).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.State, (int)LicenseEventState.Delivered).SetProperty(e => e.DeliveredAt, at).SetProperty(e => e.LeaseOwner, (string?)null),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailedAsync(string eventId, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        var leased = Leased(eventId, owner);
        var marked = retryAt is { } at
            ? await leased.ExecuteUpdateAsync(
                s => s.SetProperty(e => e.NextAttemptAt, LicenseMapper.ToUnixMs(at)).SetProperty(e => e.LastError, error).SetProperty(e => e.LeaseOwner, (string?)null),
                cancellationToken).ConfigureAwait(false)
            : await leased.ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, (int)LicenseEventState.Parked).SetProperty(e => e.LastError, error).SetProperty(e => e.LeaseOwner, (string?)null),
                cancellationToken).ConfigureAwait(false);
        return marked == 1;
    }

    /// <inheritdoc />
    public async Task<LicenseEventRecord?> RedriveEventAsync(string businessId, string eventId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (LookupValues.CannotMatch(businessId, eventId))
        {
            return null;
        }

        var due = LicenseMapper.ToUnixMs(now);
        var ofBusiness = Events.Where(e => e.Id == eventId && e.BusinessId == businessId);
        await ofBusiness.Where(e => e.State == (int)LicenseEventState.Parked).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.State, (int)LicenseEventState.Pending).SetProperty(e => e.Attempts, 0).SetProperty(e => e.NextAttemptAt, due),
            cancellationToken).ConfigureAwait(false);
        var row = await ofBusiness.AsNoTracking().SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : LicenseEventMapper.ToRecord(row);
    }

    /// <inheritdoc />
    public Task<int> PruneEventsAsync(DateTimeOffset deliveredBefore, int limit, CancellationToken cancellationToken = default)
    {
        var before = LicenseMapper.ToUnixMs(deliveredBefore);
        var oldest = Events.Where(e => e.State == (int)LicenseEventState.Delivered && e.DeliveredAt < before).OrderBy(e => e.Sequence).Take(limit).Select(e => e.Sequence);
        return Events.Where(e => oldest.Contains(e.Sequence)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Inserts the event of a write; the caller runs it inside that write's transaction, after the write.</summary>
    private Task<int> RecordEventAsync(LicenseEventRecord record, CancellationToken cancellationToken) =>
        StoreExecution.ExecuteAsync(InsertEvent(record), cancellationToken);

    /// <summary>The insert of a write's event, sent after the write's own statements and in the same unit.</summary>
    private DbCommand InsertEvent(LicenseEventRecord record) => EventStatements.Insert(_execution.Connection, LicenseEventMapper.ToEntity(record));

    private IQueryable<LicenseEventEntity> Leased(string eventId, string owner) =>
        Events.Where(e => e.Id == eventId && e.State == (int)LicenseEventState.Pending && e.LeaseOwner == owner);
}
