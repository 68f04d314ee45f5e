using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// Every statement the store sends, written once per model from its table and column names with the provider's
/// identifier quoting and parameter syntax, and sent as plain commands on the context's connection: on a local database
/// EF's query and update pipelines cost more than these statements. Parameters are named and use the model's type
/// mappings, so every provider receives the types it would from EF. Rows are read and written column by column as the
/// model maps them (<see cref="ModelTable{TEntity}"/>), so adding a property to an entity needs no change here.
/// </summary>
internal sealed class LicenseStatements
{
    // Columns an edit leaves alone: the license's identity, its creation, what activations own, and the versions, which
    // the statement computes. Every other column is an admin's to change.
    private static readonly HashSet<string> NotEdited =
    [
        nameof(LicenseEntity.Id), nameof(LicenseEntity.BusinessId), nameof(LicenseEntity.CreatedAt),
        nameof(LicenseEntity.InstancesCount), nameof(LicenseEntity.Version), nameof(LicenseEntity.LastEditVersion),

        // A license keeps its key for life; an edit never touches what identifies it.
        nameof(LicenseEntity.Key), nameof(LicenseEntity.KeyHash), nameof(LicenseEntity.KeyHint), nameof(LicenseEntity.ProtectedKey),
    ];

    private readonly ModelTable<LicenseEntity> _licenses;
    private readonly ModelTable<LicenseInstanceEntity> _instances;
    private readonly ModelTable<LicenseIdempotencyEntity> _idempotency;
    private readonly Statement _licenseById;
    private readonly Statement _licenseByKey;
    private readonly Statement _licenseIdTaken;
    private readonly Statement _idempotencyByKey;
    private readonly Statement _instanceById;
    private readonly Statement _instanceByFingerprintInBusiness;
    private readonly Statement _instanceByFingerprint;
    private readonly Statement _insertLicense;
    private readonly Statement _insertIdempotency;
    private readonly Statement _insertInstance;
    private readonly Statement _claimSlot;
    private readonly Statement _releaseSlot;
    private readonly Statement _deleteInstance;
    private readonly Statement _editLicense;
    private readonly ModelColumn<LicenseEntity>[] _editedColumns;

    /// <summary>The rewriter of id comparisons to the provider's ordinal collation, or null where they are ordinal already.</summary>
    public OrdinalIdRewriter? OrdinalIds { get; }

    /// <summary>Whether the provider compares row values, (a, b) &lt; (c, d), in keyset seeks.</summary>
    public bool ComparesRowValues { get; }

    /// <summary><see cref="ReadLicense"/> as one delegate, so a lookup allocates none.</summary>
    public Func<DbDataReader, License> LicenseReader { get; }

    public LicenseStatements(DbContext context)
    {
        // Read once here: DatabaseFacade.ProviderName builds the provider assembly's AssemblyName on every call.
        var providerName = context.Database.ProviderName;
        OrdinalIds = OrdinalIdRewriter.For(providerName);
        ComparesRowValues = ListIndexes.ComparesRowValues(providerName);
        LicenseReader = ReadLicense;

        var sql = context.GetService<ISqlGenerationHelper>();
        var l = _licenses = ModelTable<LicenseEntity>.Of(context, sql);
        var i = _instances = ModelTable<LicenseInstanceEntity>.Of(context, sql);
        var r = _idempotency = ModelTable<LicenseIdempotencyEntity>.Of(context, sql);
        string Column<T>(ModelTable<T> table, string property)
            where T : new() => table[property].Name;

        string lId = Column(l, nameof(LicenseEntity.Id)), lBusiness = Column(l, nameof(LicenseEntity.BusinessId));
        string iId = Column(i, nameof(LicenseInstanceEntity.Id)), iLicense = Column(i, nameof(LicenseInstanceEntity.LicenseId));
        string iFingerprint = Column(i, nameof(LicenseInstanceEntity.Fingerprint));
        string count = Column(l, nameof(LicenseEntity.InstancesCount)), version = Column(l, nameof(LicenseEntity.Version));
        string updatedAt = Column(l, nameof(LicenseEntity.UpdatedAt));
        var id = ("id", l[nameof(LicenseEntity.Id)].Mapping);
        var businessId = ("business_id", l[nameof(LicenseEntity.BusinessId)].Mapping);
        var licenseId = ("license_id", i[nameof(LicenseInstanceEntity.LicenseId)].Mapping);
        var now = ("now", l[nameof(LicenseEntity.UpdatedAt)].Mapping);

        _licenseById = Statement.Build(sql, $"SELECT {l.SelectList()} FROM {l.Name} WHERE {lId} = {{id}} AND {lBusiness} = {{business_id}}", id, businessId);
        _licenseByKey = Statement.Build(
            sql,
            $"SELECT {l.SelectList()} FROM {l.Name} WHERE {lBusiness} = {{business_id}} AND {Column(l, nameof(LicenseEntity.KeyHash))} = {{key_hash}}",
            businessId,
            ("key_hash", l[nameof(LicenseEntity.KeyHash)].Mapping));
        _licenseIdTaken = Statement.Build(sql, $"SELECT {lId} FROM {l.Name} WHERE {lId} = {{id}}", id);
        _idempotencyByKey = Statement.Build(
            sql,
            $"SELECT {r.SelectList()} FROM {r.Name} WHERE {Column(r, nameof(LicenseIdempotencyEntity.BusinessId))} = {{business_id}} " +
            $"AND {Column(r, nameof(LicenseIdempotencyEntity.KeyHash))} = {{idempotency_key_hash}}",
            businessId,
            ("idempotency_key_hash", r[nameof(LicenseIdempotencyEntity.KeyHash)].Mapping));

        // Scoped to the business through its license; the instance table's own business column is not trusted for that.
        var ofLicenseInBusiness = $"i.{iLicense} = {{license_id}} AND EXISTS (SELECT 1 FROM {l.Name} l WHERE l.{lId} = {{license_id}} AND l.{lBusiness} = {{business_id}})";
        _instanceById = Statement.Build(
            sql,
            $"SELECT {i.SelectList("i")} FROM {i.Name} i WHERE {ofLicenseInBusiness} AND i.{iId} = {{instance_id}}",
            licenseId,
            businessId,
            ("instance_id", i[nameof(LicenseInstanceEntity.Id)].Mapping));
        _instanceByFingerprintInBusiness = Statement.Build(
            sql,
            $"SELECT {i.SelectList("i")} FROM {i.Name} i WHERE {ofLicenseInBusiness} AND i.{iFingerprint} = {{fingerprint}}",
            licenseId,
            businessId,
            ("fingerprint", i[nameof(LicenseInstanceEntity.Fingerprint)].Mapping));
        _instanceByFingerprint = Statement.Build(
            sql,
            $"SELECT {i.SelectList("i")} FROM {i.Name} i WHERE i.{iLicense} = {{license_id}} AND i.{iFingerprint} = {{fingerprint}}",
            licenseId,
            ("fingerprint", i[nameof(LicenseInstanceEntity.Fingerprint)].Mapping));

        _insertLicense = Insert(sql, l);
        _insertIdempotency = Insert(sql, r);
        _insertInstance = Insert(sql, i);

        // ActivationRule in SQL (active, not archived, not expired, under the limit): the store reports the reason of a
        // refusal with ActivationRule itself, so a change to the rule changes both.
        string expires = Column(l, nameof(LicenseEntity.ExpiresAt)), limit = Column(l, nameof(LicenseEntity.ActivationsLimit));
        // {freed} lapsed instances were deleted in the same transaction (ActivationRule.IsAtLimit(license, lapsed)); the
        // expiry is set only while it is null (ActivationRule.ExpiresAtAfter), so one first activation sets it.
        _claimSlot = Statement.Build(
            sql,
            $"UPDATE {l.Name} SET {count} = {count} + 1 - {{freed}}, {expires} = COALESCE({expires}, {{first_expiry}}), {version} = {version} + 1, {updatedAt} = {{now}} " +
            $"WHERE {lId} = {{id}} AND {lBusiness} = {{business_id}} " +
            $"AND {Column(l, nameof(LicenseEntity.Status))} = {{active}} AND {Column(l, nameof(LicenseEntity.Archived))} = {{not_archived}} " +
            $"AND ({expires} IS NULL OR {expires} > {{now}}) AND ({limit} IS NULL OR {count} - {{freed}} < {limit})",
            now,
            id,
            businessId,
            ("active", l[nameof(LicenseEntity.Status)].Mapping),
            ("not_archived", l[nameof(LicenseEntity.Archived)].Mapping),
            ("freed", l[nameof(LicenseEntity.InstancesCount)].Mapping),
            ("first_expiry", l[nameof(LicenseEntity.ExpiresAt)].Mapping));
        _releaseSlot = Statement.Build(
            sql,
            $"UPDATE {l.Name} SET {count} = {count} - 1, {version} = {version} + 1, {updatedAt} = {{now}} WHERE {lId} = {{id}} AND {lBusiness} = {{business_id}}",
            now,
            id,
            businessId);
        _deleteInstance = Statement.Build(
            sql,
            $"DELETE FROM {i.Name} WHERE {iId} = {{instance_id}} AND {iLicense} = {{license_id}}",
            ("instance_id", i[nameof(LicenseInstanceEntity.Id)].Mapping),
            licenseId);

        // An edit lands unless another edit landed since the read (the last edit version moved) or activations meanwhile
        // took more slots than the edited limit allows (ActivationRule.IsOverLimit in SQL); activations alone never
        // make it fail. "version + 1" reads the version before the update on every SQL database.
        var edited = l.Columns.Where(c => !NotEdited.Contains(c.Property)).ToArray();
        string lastEdit = Column(l, nameof(LicenseEntity.LastEditVersion)), newLimit = "{" + nameof(LicenseEntity.ActivationsLimit) + "}";
        _editLicense = Statement.Build(
            sql,
            $"UPDATE {l.Name} SET {string.Join(", ", edited.Select(c => $"{c.Name} = {{{c.Property}}}"))}, {version} = {version} + 1, {lastEdit} = {version} + 1 " +
            $"WHERE {lId} = {{{nameof(LicenseEntity.Id)}}} AND {lBusiness} = {{{nameof(LicenseEntity.BusinessId)}}} AND {lastEdit} = {{read_last_edit_version}} " +
            $"AND ({newLimit} IS NULL OR {count} <= {newLimit})",
            [.. edited.Select(c => (c.Property, c.Mapping)), (nameof(LicenseEntity.Id), id.Item2), (nameof(LicenseEntity.BusinessId), businessId.Item2), ("read_last_edit_version", l[nameof(LicenseEntity.LastEditVersion)].Mapping)]);
        _editedColumns = edited;
        Leases = new LeaseStatements(sql, l, i);
    }

    /// <summary>The statements of floating seats.</summary>
    public LeaseStatements Leases { get; }

    public DbCommand LicenseById(IRelationalConnection connection, string id, string businessId) =>
        _licenseById.CreateCommand(connection, ("id", id), ("business_id", businessId));

    public DbCommand LicenseByKey(IRelationalConnection connection, string businessId, string keyHash) =>
        _licenseByKey.CreateCommand(connection, ("business_id", businessId), ("key_hash", keyHash));

    public DbCommand LicenseIdTaken(IRelationalConnection connection, string id) =>
        _licenseIdTaken.CreateCommand(connection, ("id", id));

    public DbCommand IdempotencyByKey(IRelationalConnection connection, string businessId, string idempotencyKeyHash) =>
        _idempotencyByKey.CreateCommand(connection, ("business_id", businessId), ("idempotency_key_hash", idempotencyKeyHash));

    public DbCommand InstanceById(IRelationalConnection connection, string businessId, string licenseId, string instanceId) =>
        _instanceById.CreateCommand(connection, ("business_id", businessId), ("license_id", licenseId), ("instance_id", instanceId));

    public DbCommand InstanceByFingerprintInBusiness(IRelationalConnection connection, string businessId, string licenseId, string fingerprint) =>
        _instanceByFingerprintInBusiness.CreateCommand(connection, ("business_id", businessId), ("license_id", licenseId), ("fingerprint", fingerprint));

    /// <summary>The instance with a fingerprint of a license already known to be in its business.</summary>
    public DbCommand InstanceByFingerprint(IRelationalConnection connection, string licenseId, string fingerprint) =>
        _instanceByFingerprint.CreateCommand(connection, ("license_id", licenseId), ("fingerprint", fingerprint));

    public DbCommand InsertLicense(IRelationalConnection connection, LicenseEntity row) => Insert(connection, _insertLicense, _licenses, row);

    public DbCommand InsertIdempotency(IRelationalConnection connection, LicenseIdempotencyEntity row) => Insert(connection, _insertIdempotency, _idempotency, row);

    public DbCommand InsertInstance(IRelationalConnection connection, LicenseInstanceEntity row) => Insert(connection, _insertInstance, _instances, row);

    /// <summary>The conditional UPDATE that takes one activation slot; it changes no row when the license does not take one.</summary>
    public DbCommand ClaimSlot(IRelationalConnection connection, string businessId, string id, long now, int freed, long? firstExpiry) =>
        _claimSlot.CreateCommand(
            connection,
            ("now", now),
            ("id", id),
            ("business_id", businessId),
            ("active", LicenseMapper.Active),
            ("not_archived", false),
            ("freed", freed),
            ("first_expiry", firstExpiry));

    public DbCommand ReleaseSlot(IRelationalConnection connection, string businessId, string id, long now) =>
        _releaseSlot.CreateCommand(connection, ("now", now), ("id", id), ("business_id", businessId));

    public DbCommand DeleteInstance(IRelationalConnection connection, string licenseId, string instanceId) =>
        _deleteInstance.CreateCommand(connection, ("instance_id", instanceId), ("license_id", licenseId));

    /// <summary>Writes the edited columns of <paramref name="row"/> unless the edit lost its race (see the statement).</summary>
    public DbCommand EditLicense(IRelationalConnection connection, LicenseEntity row, long readLastEditVersion)
    {
        var values = new (string, object?)[_editedColumns.Length + 3];
        for (var c = 0; c < _editedColumns.Length; c++)
        {
            values[c] = (_editedColumns[c].Property, _editedColumns[c].Get(row));
        }

        values[^3] = (nameof(LicenseEntity.Id), row.Id);
        values[^2] = (nameof(LicenseEntity.BusinessId), row.BusinessId);
        values[^1] = ("read_last_edit_version", readLastEditVersion);
        return _editLicense.CreateCommand(connection, values);
    }

    /// <summary>Reads a license row of <see cref="LicenseById"/> or <see cref="LicenseByKey"/>.</summary>
    public License ReadLicense(DbDataReader reader) => LicenseMapper.ToLicense(_licenses.Read(reader));

    /// <summary>Reads a license row as stored, with what only the store keeps (the last edit version).</summary>
    public LicenseEntity ReadLicenseRow(DbDataReader reader) => _licenses.Read(reader);

    /// <summary>Reads an instance row of one of the instance lookups.</summary>
    public LicenseInstance ReadInstance(DbDataReader reader) => LicenseMapper.ToInstance(_instances.Read(reader));

    /// <summary>Reads an idempotency row of <see cref="IdempotencyByKey"/>.</summary>
    public LicenseIdempotencyEntity ReadIdempotency(DbDataReader reader) => _idempotency.Read(reader);

    /// <summary>An INSERT of every mapped column, each parameter named after its property.</summary>
    private static Statement Insert<T>(ISqlGenerationHelper sql, ModelTable<T> table)
        where T : new() =>
        Statement.Build(
            sql,
            $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", table.Columns.Select(c => "{" + c.Property + "}"))})",
            table.Columns.Select(c => (c.Property, c.Mapping)));

    private static DbCommand Insert<T>(IRelationalConnection connection, Statement statement, ModelTable<T> table, T row)
        where T : new()
    {
        var values = new (string, object?)[table.Columns.Count];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = (table.Columns[c].Property, table.Columns[c].Get(row));
        }

        return statement.CreateCommand(connection, values);
    }
}
