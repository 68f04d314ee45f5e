using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// The statements of floating seats. Each states <see cref="LicenseKit.Stores.ActivationRule.IsLapsed"/> in SQL (a lease
/// that is set and ends at or before the time given), so renewing and removing can never both win for one instance:
/// the row lock of one makes the other re-check its condition against the committed row.
/// </summary>
internal sealed class LeaseStatements
{
    private readonly ModelTable<LicenseInstanceEntity> _instances;
    private readonly Statement _lapsedOfLicense;
    private readonly Statement _deleteLapsedOfLicense;
    private readonly Statement _deleteLapsedInstance;
    private readonly Statement _renewLease;

    public LeaseStatements(ISqlGenerationHelper sql, ModelTable<LicenseEntity> l, ModelTable<LicenseInstanceEntity> i)
    {
        _instances = i;
        string iId = i[nameof(LicenseInstanceEntity.Id)].Name, iLicense = i[nameof(LicenseInstanceEntity.LicenseId)].Name;
        string lease = i[nameof(LicenseInstanceEntity.LeaseExpiresAt)].Name;
        string lId = l[nameof(LicenseEntity.Id)].Name, lBusiness = l[nameof(LicenseEntity.BusinessId)].Name;
        var licenseId = ("license_id", i[nameof(LicenseInstanceEntity.LicenseId)].Mapping);
        var instanceId = ("instance_id", i[nameof(LicenseInstanceEntity.Id)].Mapping);
        var now = ("now", i[nameof(LicenseInstanceEntity.LeaseExpiresAt)].Mapping);
        var lapsed = $"{lease} IS NOT NULL AND {lease} <= {{now}}";

        _lapsedOfLicense = Statement.Build(sql, $"SELECT {i.SelectList()} FROM {i.Name} WHERE {iLicense} = {{license_id}} AND {lapsed}", licenseId, now);
        _deleteLapsedOfLicense = Statement.Build(sql, $"DELETE FROM {i.Name} WHERE {iLicense} = {{license_id}} AND {lapsed}", licenseId, now);
        _deleteLapsedInstance = Statement.Build(sql, $"DELETE FROM {i.Name} WHERE {iId} = {{instance_id}} AND {iLicense} = {{license_id}} AND {lapsed}", instanceId, licenseId, now);
        _renewLease = Statement.Build(
            sql,
            $"UPDATE {i.Name} SET {lease} = {{lease}} WHERE {iId} = {{instance_id}} AND {iLicense} = {{license_id}} AND {lease} IS NOT NULL AND {lease} > {{now}} " +
            $"AND EXISTS (SELECT 1 FROM {l.Name} l WHERE l.{lId} = {{license_id}} AND l.{lBusiness} = {{business_id}})",
            ("lease", i[nameof(LicenseInstanceEntity.LeaseExpiresAt)].Mapping),
            instanceId,
            licenseId,
            now,
            ("business_id", l[nameof(LicenseEntity.BusinessId)].Mapping));
    }

    /// <summary>The instances of a license whose lease lapsed at <paramref name="now"/>.</summary>
    public DbCommand LapsedOfLicense(IRelationalConnection connection, string licenseId, long now) =>
        _lapsedOfLicense.CreateCommand(connection, ("license_id", licenseId), ("now", now));

    /// <summary>Deletes the instances of a license whose lease lapsed at <paramref name="now"/>.</summary>
    public DbCommand DeleteLapsedOfLicense(IRelationalConnection connection, string licenseId, long now) =>
        _deleteLapsedOfLicense.CreateCommand(connection, ("license_id", licenseId), ("now", now));

    /// <summary>Deletes one instance only if its lease lapsed at <paramref name="now"/>.</summary>
    public DbCommand DeleteLapsedInstance(IRelationalConnection connection, string licenseId, string instanceId, long now) =>
        _deleteLapsedInstance.CreateCommand(connection, ("instance_id", instanceId), ("license_id", licenseId), ("now", now));

    /// <summary>Sets a lease that has not lapsed at <paramref name="now"/> to <paramref name="lease"/>.</summary>
    public DbCommand RenewLease(IRelationalConnection connection, string businessId, string licenseId, string instanceId, long lease, long now) =>
        _renewLease.CreateCommand(connection, ("lease", lease), ("instance_id", instanceId), ("license_id", licenseId), ("now", now), ("business_id", businessId));

    /// <summary>Runs a query of instance rows on the open connection and reads them all.</summary>
    public async Task<LicenseInstance[]> ReadInstancesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<LicenseInstance>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(LicenseMapper.ToInstance(_instances.Read(reader)));
                }

                return [.. rows];
            }
        }
    }
}
