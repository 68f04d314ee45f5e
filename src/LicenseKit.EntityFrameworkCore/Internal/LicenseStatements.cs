using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.Internal;

/// <summary>
/// The statements of the store's hot paths (lookups, creation, activation), written once per model from its table and
/// column names with the provider's identifier quoting and parameter syntax, and sent as plain commands on the
/// context's connection. On a local database EF's query and update pipelines cost more than these statements; the
/// parameters still use the model's type mappings, so every provider receives the types it would from EF.
/// </summary>
internal sealed class LicenseStatements
{
    // The order of the columns a license is read in; ReadLicense depends on it.
    private static readonly string[] LicenseColumns =
    [
        nameof(LicenseEntity.Id), nameof(LicenseEntity.BusinessId), nameof(LicenseEntity.Key), nameof(LicenseEntity.Status),
        nameof(LicenseEntity.ProductId), nameof(LicenseEntity.PaymentId), nameof(LicenseEntity.CustomerId),
        nameof(LicenseEntity.ActivationsLimit), nameof(LicenseEntity.ActivationMessage), nameof(LicenseEntity.InstancesCount),
        nameof(LicenseEntity.DurationHours), nameof(LicenseEntity.ExpiresAt), nameof(LicenseEntity.Metadata),
        nameof(LicenseEntity.Archived), nameof(LicenseEntity.CreatedAt), nameof(LicenseEntity.UpdatedAt), nameof(LicenseEntity.Version),
    ];

    // The order of the columns an instance is read in; ReadInstance depends on it.
    private static readonly string[] InstanceColumns =
    [
        nameof(LicenseInstanceEntity.Id), nameof(LicenseInstanceEntity.BusinessId), nameof(LicenseInstanceEntity.LicenseId),
        nameof(LicenseInstanceEntity.Name), nameof(LicenseInstanceEntity.Fingerprint), nameof(LicenseInstanceEntity.CreatedAt),
    ];

    private readonly ISqlGenerationHelper _sql;

    public LicenseStatements(DbContext context)
    {
        _sql = context.GetService<ISqlGenerationHelper>();
        var licenses = Table.Of<LicenseEntity>(context, _sql);
        var instances = Table.Of<LicenseInstanceEntity>(context, _sql);
        var idempotency = Table.Of<LicenseIdempotencyEntity>(context, _sql);

        var licenseSelect = string.Join(", ", LicenseColumns.Select(c => licenses.Column(c)));
        var instanceSelect = string.Join(", ", InstanceColumns.Select(c => "i." + instances.Column(c)));
        LicenseById = Build(
            $"SELECT {licenseSelect} FROM {licenses.Name} WHERE {licenses.Column(nameof(LicenseEntity.Id))} = {{0}} AND {licenses.Column(nameof(LicenseEntity.BusinessId))} = {{1}}",
            licenses.Mapping(nameof(LicenseEntity.Id)),
            licenses.Mapping(nameof(LicenseEntity.BusinessId)));
        LicenseByKey = Build(
            $"SELECT {licenseSelect} FROM {licenses.Name} WHERE {licenses.Column(nameof(LicenseEntity.BusinessId))} = {{0}} AND {licenses.Column(nameof(LicenseEntity.NormalizedKey))} = {{1}}",
            licenses.Mapping(nameof(LicenseEntity.BusinessId)),
            licenses.Mapping(nameof(LicenseEntity.NormalizedKey)));

        // Scoped to the business through its license; the instance table's own business column is not trusted for that.
        var ofLicenseInBusiness =
            $"i.{instances.Column(nameof(LicenseInstanceEntity.LicenseId))} = {{0}} AND EXISTS (SELECT 1 FROM {licenses.Name} l " +
            $"WHERE l.{licenses.Column(nameof(LicenseEntity.Id))} = {{0}} AND l.{licenses.Column(nameof(LicenseEntity.BusinessId))} = {{1}})";
        InstanceById = Build(
            $"SELECT {instanceSelect} FROM {instances.Name} i WHERE {ofLicenseInBusiness} AND i.{instances.Column(nameof(LicenseInstanceEntity.Id))} = {{2}}",
            instances.Mapping(nameof(LicenseInstanceEntity.LicenseId)),
            licenses.Mapping(nameof(LicenseEntity.BusinessId)),
            instances.Mapping(nameof(LicenseInstanceEntity.Id)));
        InstanceByFingerprintInBusiness = Build(
            $"SELECT {instanceSelect} FROM {instances.Name} i WHERE {ofLicenseInBusiness} AND i.{instances.Column(nameof(LicenseInstanceEntity.Fingerprint))} = {{2}}",
            instances.Mapping(nameof(LicenseInstanceEntity.LicenseId)),
            licenses.Mapping(nameof(LicenseEntity.BusinessId)),
            instances.Mapping(nameof(LicenseInstanceEntity.Fingerprint)));
        InstanceByFingerprint = Build(
            $"SELECT {instanceSelect} FROM {instances.Name} i WHERE i.{instances.Column(nameof(LicenseInstanceEntity.LicenseId))} = {{0}} AND i.{instances.Column(nameof(LicenseInstanceEntity.Fingerprint))} = {{1}}",
            instances.Mapping(nameof(LicenseInstanceEntity.LicenseId)),
            instances.Mapping(nameof(LicenseInstanceEntity.Fingerprint)));

        string[] licenseInsert = [.. LicenseColumns, nameof(LicenseEntity.NormalizedKey)];
        InsertLicense = Build(
            $"INSERT INTO {licenses.Name} ({string.Join(", ", licenseInsert.Select(licenses.Column))}) " +
            $"VALUES ({string.Join(", ", licenseInsert.Select((_, i) => $"{{{i}}}"))})",
            [.. licenseInsert.Select(licenses.Mapping)]);
        string[] idempotencyInsert = [nameof(LicenseIdempotencyEntity.BusinessId), nameof(LicenseIdempotencyEntity.Key), nameof(LicenseIdempotencyEntity.LicenseId), nameof(LicenseIdempotencyEntity.RequestHash)];
        InsertIdempotency = Build(
            $"INSERT INTO {idempotency.Name} ({string.Join(", ", idempotencyInsert.Select(idempotency.Column))}) VALUES ({{0}}, {{1}}, {{2}}, {{3}})",
            [.. idempotencyInsert.Select(idempotency.Mapping)]);

        string count = licenses.Column(nameof(LicenseEntity.InstancesCount)), version = licenses.Column(nameof(LicenseEntity.Version));
        string expires = licenses.Column(nameof(LicenseEntity.ExpiresAt)), limit = licenses.Column(nameof(LicenseEntity.ActivationsLimit));
        ClaimSlot = Build(
            $"UPDATE {licenses.Name} SET {count} = {count} + 1, {version} = {version} + 1, {licenses.Column(nameof(LicenseEntity.UpdatedAt))} = {{0}} " +
            $"WHERE {licenses.Column(nameof(LicenseEntity.Id))} = {{1}} AND {licenses.Column(nameof(LicenseEntity.BusinessId))} = {{2}} " +
            $"AND {licenses.Column(nameof(LicenseEntity.Status))} = {{3}} AND {licenses.Column(nameof(LicenseEntity.Archived))} = {{4}} " +
            $"AND ({expires} IS NULL OR {expires} > {{0}}) AND ({limit} IS NULL OR {count} < {limit})",
            licenses.Mapping(nameof(LicenseEntity.UpdatedAt)),
            licenses.Mapping(nameof(LicenseEntity.Id)),
            licenses.Mapping(nameof(LicenseEntity.BusinessId)),
            licenses.Mapping(nameof(LicenseEntity.Status)),
            licenses.Mapping(nameof(LicenseEntity.Archived)));
        string[] instanceInsert = [.. InstanceColumns];
        InsertInstance = Build(
            $"INSERT INTO {instances.Name} ({string.Join(", ", instanceInsert.Select(instances.Column))}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}})",
            [.. instanceInsert.Select(instances.Mapping)]);
    }

    /// <summary>The license with an id in a business: parameters id, business.</summary>
    public Statement LicenseById { get; }

    /// <summary>The license with a normalized key in a business: parameters business, normalized key.</summary>
    public Statement LicenseByKey { get; }

    /// <summary>The instance with an id of a license in a business: parameters license, business, instance id.</summary>
    public Statement InstanceById { get; }

    /// <summary>The instance with a fingerprint of a license in a business: parameters license, business, fingerprint.</summary>
    public Statement InstanceByFingerprintInBusiness { get; }

    /// <summary>The instance with a fingerprint of a license already known to be in its business: parameters license, fingerprint.</summary>
    public Statement InstanceByFingerprint { get; }

    /// <summary>The INSERT of a license: parameters in <see cref="LicenseColumns"/> order, then the normalized key.</summary>
    public Statement InsertLicense { get; }

    /// <summary>The INSERT of an idempotency record: parameters business, key, license, request hash.</summary>
    public Statement InsertIdempotency { get; }

    /// <summary>The conditional UPDATE that takes one activation slot: parameters now, id, business, active status, false.</summary>
    public Statement ClaimSlot { get; }

    /// <summary>The INSERT of an instance: parameters id, business, license, name, fingerprint, created at.</summary>
    public Statement InsertInstance { get; }

    /// <summary>
    /// A command for <paramref name="statement"/> on the context's connection, enlisted in its current transaction (the
    /// store's or the host's) and with its command timeout.
    /// </summary>
    public static DbCommand CreateCommand(IRelationalConnection connection, Statement statement, params ReadOnlySpan<object?> values)
    {
        var command = connection.DbConnection.CreateCommand();
        command.CommandText = statement.Sql;
        command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
        if (connection.CommandTimeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var parameter = statement.Parameters[i];
            command.Parameters.Add(parameter.Mapping.CreateParameter(command, parameter.Name, values[i], nullable: values[i] is null));
        }

        return command;
    }

    /// <summary>Reads the current row of a reader over <see cref="LicenseById"/> or <see cref="LicenseByKey"/>.</summary>
    public static License ReadLicense(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        BusinessId = reader.GetString(1),
        Key = reader.GetString(2),
        Status = LicenseMapper.FromStatus(reader.GetString(3)),
        ProductId = reader.GetString(4),
        PaymentId = reader.IsDBNull(5) ? null : reader.GetString(5),
        CustomerId = reader.GetString(6),
        ActivationsLimit = reader.IsDBNull(7) ? null : reader.GetInt32(7),
        ActivationMessage = reader.IsDBNull(8) ? null : reader.GetString(8),
        InstancesCount = reader.GetInt32(9),
        DurationHours = reader.IsDBNull(10) ? null : reader.GetInt32(10),
        ExpiresAt = reader.IsDBNull(11) ? null : LicenseMapper.FromUnixMs(reader.GetInt64(11)),
        Metadata = reader.IsDBNull(12) ? null : LicenseMapper.DeserializeMetadata(reader.GetString(12)),
        Archived = reader.GetBoolean(13),
        CreatedAt = LicenseMapper.FromUnixMs(reader.GetInt64(14)),
        UpdatedAt = LicenseMapper.FromUnixMs(reader.GetInt64(15)),
        Version = reader.GetInt64(16),
    };

    /// <summary>Reads the current row of a reader over one of the instance lookups.</summary>
    public static LicenseInstance ReadInstance(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        BusinessId = reader.GetString(1),
        LicenseId = reader.GetString(2),
        Name = reader.GetString(3),
        Fingerprint = reader.IsDBNull(4) ? null : reader.GetString(4),
        CreatedAt = LicenseMapper.FromUnixMs(reader.GetInt64(5)),
    };

    /// <summary>The values of <see cref="InsertLicense"/>, in its parameter order.</summary>
    public static object?[] InsertLicenseValues(LicenseEntity row) =>
    [
        row.Id, row.BusinessId, row.Key, row.Status, row.ProductId, row.PaymentId, row.CustomerId, row.ActivationsLimit,
        row.ActivationMessage, row.InstancesCount, row.DurationHours, row.ExpiresAt, row.Metadata, row.Archived,
        row.CreatedAt, row.UpdatedAt, row.Version, row.NormalizedKey,
    ];

    /// <summary>Replaces the <c>{n}</c> placeholders with the provider's parameter syntax.</summary>
    private Statement Build(string sql, params RelationalTypeMapping[] mappings)
    {
        var parameters = new StatementParameter[mappings.Length];
        for (var i = 0; i < mappings.Length; i++)
        {
            var name = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql = sql.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", _sql.GenerateParameterNamePlaceholder(name), StringComparison.Ordinal);
            parameters[i] = new StatementParameter(_sql.GenerateParameterName(name), mappings[i]);
        }

        return new Statement(sql, parameters);
    }

    /// <summary>A statement and its parameters, in order.</summary>
    public sealed record Statement(string Sql, StatementParameter[] Parameters);

    /// <summary>A parameter's name as the provider's <see cref="DbParameter"/> takes it, and the type mapping of its column.</summary>
    public sealed record StatementParameter(string Name, RelationalTypeMapping Mapping);

    /// <summary>A table of the model: its delimited name, and its columns' delimited names and type mappings by property.</summary>
    private sealed class Table(IEntityType entity, StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        public string Name { get; } = sql.DelimitIdentifier(table.Name, table.Schema);

        public static Table Of<TEntity>(DbContext context, ISqlGenerationHelper sql)
        {
            var entity = context.Model.FindEntityType(typeof(TEntity))
                ?? throw new InvalidOperationException($"The model of {context.GetType().Name} has no LicenseKit entities: call modelBuilder.UseLicenseKit() in OnModelCreating.");
            return new Table(entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), sql);
        }

        public string Column(string property) => sql.DelimitIdentifier(Property(property).GetColumnName(table)!);

        public RelationalTypeMapping Mapping(string property) => Property(property).GetRelationalTypeMapping();

        private IProperty Property(string property) =>
            entity.FindProperty(property) ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {property}.");
    }
}
