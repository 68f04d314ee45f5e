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
        var inserted = e.Columns.Where(c => c.Property != nameof(LicenseEventEntity.Sequence)).ToArray();
        _insert = Statement.Build(
            sql,
            $"INSERT INTO {e.Name} ({string.Join(", ", inserted.Select(c => c.Name))}) VALUES ({string.Join(", ", inserted.Select(c => "{" + c.Property + "}"))})",
            inserted.Select(c => (c.Property, c.Mapping)));
        Inserted = inserted;

        string sequence = e[nameof(LicenseEventEntity.Sequence)].Name, state = e[nameof(LicenseEventEntity.State)].Name;
        string next = e[nameof(LicenseEventEntity.NextAttemptAt)].Name, license = e[nameof(LicenseEventEntity.LicenseId)].Name;
        string attempts = e[nameof(LicenseEventEntity.Attempts)].Name, owner = e[nameof(LicenseEventEntity.LeaseOwner)].Name;
        var pending = (int)LicenseEventState.Pending;
        var locking = context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? " FOR UPDATE OF c SKIP LOCKED" : string.Empty;
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
