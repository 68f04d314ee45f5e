using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// The statements of the events table that EF's LINQ cannot say: the insert inside a write's transaction, and the claim,
/// one <c>UPDATE … RETURNING</c> that picks the oldest due pending event of each license. On PostgreSQL the pick locks
/// its rows with <c>FOR UPDATE SKIP LOCKED</c>, so dispatchers claiming at once take disjoint events without waiting; on
/// SQLite the database has one writer at a time, which makes the statement atomic by itself.
/// </summary>
internal sealed class LicenseEventStatements
{
    private readonly ModelTable<LicenseEventEntity> _events;
    private readonly Statement _insert;
    private readonly Statement _claim;

    public LicenseEventStatements(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var e = _events = ModelTable<LicenseEventEntity>.Of(context, sql);
        IsPostgreSql = context.Database.ProviderName == ProviderNames.PostgreSql;

        // On PostgreSQL the row carries the id of the transaction that inserts it, which the feed orders and holds back by.
        var transactionId = e[nameof(LicenseEventEntity.TransactionId)];
        var inserted = e.Columns.Where(c => c.Property != nameof(LicenseEventEntity.Sequence) && (!IsPostgreSql || c != transactionId)).ToArray();
        var columns = inserted.Select(c => c.Name).Concat(IsPostgreSql ? [transactionId.Name] : []);
        var values = inserted.Select(c => "{" + c.Property + "}").Concat(IsPostgreSql ? [CurrentTransactionId] : []);
        _insert = Statement.Build(
            sql,
            $"INSERT INTO {e.Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})",
            inserted.Select(c => (c.Property, c.Mapping)));
        Inserted = inserted;

        string sequence = e[nameof(LicenseEventEntity.Sequence)].Name, state = e[nameof(LicenseEventEntity.State)].Name;
        string next = e[nameof(LicenseEventEntity.NextAttemptAt)].Name, license = e[nameof(LicenseEventEntity.LicenseId)].Name;
        string attempts = e[nameof(LicenseEventEntity.Attempts)].Name, owner = e[nameof(LicenseEventEntity.LeaseOwner)].Name;
        var pending = (int)LicenseEventState.Pending;
        var locking = IsPostgreSql ? " FOR UPDATE OF c SKIP LOCKED" : string.Empty;
        _claim = Statement.Build(
            sql,
            $"UPDATE {e.Name} SET {owner} = {{owner}}, {next} = {{lease_until}}, {attempts} = {attempts} + 1 " +
            $"WHERE {sequence} IN (SELECT c.{sequence} FROM {e.Name} c WHERE c.{state} = {pending} AND c.{next} <= {{now}} " +
            $"AND NOT EXISTS (SELECT 1 FROM {e.Name} p WHERE p.{license} = c.{license} AND p.{state} = {pending} AND p.{sequence} < c.{sequence}) " +
            $"ORDER BY c.{sequence} LIMIT {{limit}}{locking}) " +
            $"RETURNING {e.SelectList()}",
            ("owner", e[nameof(LicenseEventEntity.LeaseOwner)].Mapping),
            ("lease_until", e[nameof(LicenseEventEntity.NextAttemptAt)].Mapping),
            ("now", e[nameof(LicenseEventEntity.NextAttemptAt)].Mapping),
            ("limit", e[nameof(LicenseEventEntity.Attempts)].Mapping));
    }

    /// <summary>
    /// The feed's horizon on PostgreSQL: the oldest transaction id that was running when the query's snapshot was taken,
    /// leaving out transactions known to run in other databases (ids are server-wide, and a write elsewhere should not
    /// hold this feed back). Every transaction with a smaller id has ended, and every transaction that starts later gets
    /// a greater one, so the events below it are final. A running id that cannot be placed (its lock not listed yet, a
    /// prepared transaction) counts as this database's. pg_locks lists 32-bit ids: they are widened to the snapshot's
    /// epoch, running ids being less than 2^31 behind its end. (xid8 has no cast to bigint but prints as its value.)
    /// </summary>
    public const string FeedHorizonQuery =
        "WITH s AS MATERIALIZED (SELECT pg_current_snapshot() AS snap), " +
        "elsewhere AS (SELECT l.transactionid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
        "WHERE l.locktype = 'transactionid' AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())), " +
        "running AS (SELECT x::text::bigint AS id FROM s, pg_snapshot_xip(s.snap) x) " +
        "SELECT COALESCE(" +
        "(SELECT min(r.id) FROM running r WHERE (r.id % 4294967296)::text::xid NOT IN (SELECT transactionid FROM elsewhere WHERE transactionid IS NOT NULL)), " +
        "(SELECT pg_snapshot_xmax(s.snap)::text::bigint FROM s)) AS \"Value\"";

    private const string CurrentTransactionId = "pg_current_xact_id()::text::bigint";

    /// <summary>Whether the database is PostgreSQL, where transactions record their ids and claims skip locked rows.</summary>
    public bool IsPostgreSql { get; }

    private ModelColumn<LicenseEventEntity>[] Inserted { get; }

    public DbCommand Insert(IRelationalConnection connection, LicenseEventEntity row)
    {
        var values = new (string, object?)[Inserted.Length];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = (Inserted[c].Property, Inserted[c].Get(row));
        }

        return _insert.CreateCommand(connection, values);
    }

    public DbCommand Claim(IRelationalConnection connection, string owner, long now, long leaseUntil, int limit) =>
        _claim.CreateCommand(connection, ("owner", owner), ("lease_until", leaseUntil), ("now", now), ("limit", limit));

    public LicenseEventRecord Read(DbDataReader reader) => LicenseEventMapper.ToRecord(_events.Read(reader));
}
