using LicenseKit.EntityFrameworkCore;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LicenseKit.Benchmarks;

/// <summary>
/// Issue, validate (find by key) and activate through the EF Core store, each against a baseline that sends the same
/// statements with raw ADO.NET on the same database, so the ratio is the store's own overhead.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class EntityFrameworkCoreBenchmarks
{
    private const string BusinessId = "biz_bench";
    private const string LicenseColumns =
        "id, business_id, key_hint, status, product_id, payment_id, customer_id, activations_limit, activation_message, instances_count, duration_hours, expires_at, metadata, archived, created_at, updated_at, version";

    private static readonly DateTimeOffset Now = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
    private static readonly LicenseMetadata Metadata = new([new("tier", "pro"), new("seats", "5")]);

    private PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext> _contexts = null!;
    private License _validated = null!;
    private string _validatedKeyHash = string.Empty;
    private License _activated = null!;
    private long _counter;

    protected abstract DbContextOptions<EntityFrameworkCoreBenchmarkContext> CreateOptions();

    protected abstract DbConnection CreateConnection();

    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await PrepareDatabaseAsync();
        _contexts = new PooledDbContextFactory<EntityFrameworkCoreBenchmarkContext>(CreateOptions());
        await using var context = _contexts.CreateDbContext();
        await context.Database.EnsureCreatedAsync();
        var store = new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context);
        _validated = NewLicense("validated");
        _validatedKeyHash = _validated.KeyHash!;
        _activated = NewLicense("activated") with { ActivationsLimit = null };
        await store.CreateAsync(_validated, null);
        await store.CreateAsync(_activated, null);
        if (await Validate_Raw() is null || await Validate_EntityFrameworkCore() is null)
        {
            throw new InvalidOperationException("The validated license is not found by its key hash.");
        }
    }

    [GlobalCleanup]
    public Task CleanupAsync() => DropDatabaseAsync();

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Issue")]
    public async Task<int> Issue_Raw()
    {
        var license = NewLicense(Next());
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var insert = Command(connection, $"INSERT INTO licensekit_licenses ({LicenseColumns}, key_hash, last_edit_version) VALUES (@id, @business_id, @key_hint, @status, @product_id, @payment_id, @customer_id, @activations_limit, @activation_message, @instances_count, @duration_hours, @expires_at, @metadata, @archived, @created_at, @updated_at, @version, @key_hash, @last_edit_version)");
        Add(insert, "id", license.Id);
        Add(insert, "business_id", license.BusinessId);
        Add(insert, "key_hint", license.KeyHint);
        Add(insert, "status", "ACTIVE");
        Add(insert, "product_id", license.ProductId);
        Add(insert, "payment_id", license.PaymentId);
        Add(insert, "customer_id", license.CustomerId);
        Add(insert, "activations_limit", license.ActivationsLimit);
        Add(insert, "activation_message", license.ActivationMessage);
        Add(insert, "instances_count", license.InstancesCount);
        Add(insert, "duration_hours", license.DurationHours);
        Add(insert, "expires_at", license.ExpiresAt?.ToUnixTimeMilliseconds());
        Add(insert, "metadata", JsonSerializer.Serialize(Metadata.ToDictionary()));
        Add(insert, "archived", license.Archived);
        Add(insert, "created_at", license.CreatedAt.ToUnixTimeMilliseconds());
        Add(insert, "updated_at", license.UpdatedAt.ToUnixTimeMilliseconds());
        Add(insert, "version", license.Version);
        Add(insert, "key_hash", license.KeyHash);
        Add(insert, "last_edit_version", license.Version);
        return await insert.ExecuteNonQueryAsync();
    }

    [Benchmark(Description = "EF Core store"), BenchmarkCategory("Issue")]
    public async Task<LicenseCreateOutcome> Issue_EntityFrameworkCore()
    {
        await using var context = _contexts.CreateDbContext();
        var result = await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).CreateAsync(NewLicense(Next()), null);
        return result.Outcome;
    }

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Validate")]
    public async Task<License?> Validate_Raw()
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var select = Command(connection, $"SELECT {LicenseColumns} FROM licensekit_licenses WHERE business_id = @business_id AND key_hash = @key_hash LIMIT 1");
        Add(select, "business_id", BusinessId);
        Add(select, "key_hash", _validatedKeyHash);
        return await ReadLicenseAsync(select);
    }

    [Benchmark(Description = "EF Core store"), BenchmarkCategory("Validate")]
    public async Task<License?> Validate_EntityFrameworkCore()
    {
        await using var context = _contexts.CreateDbContext();
        return await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).FindByKeyAsync(BusinessId, _validatedKeyHash);
    }

    [Benchmark(Baseline = true, Description = "ADO.NET"), BenchmarkCategory("Activate")]
    public async Task<License?> Activate_Raw()
    {
        // The statements the store sends: read the license, look for the fingerprint, then in one transaction the
        // conditional UPDATE, the instance INSERT and the read-back.
        var activation = NewActivation(Next());
        var now = activation.Now.ToUnixTimeMilliseconds();
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using (var read = Command(connection, $"SELECT {LicenseColumns} FROM licensekit_licenses WHERE id = @id AND business_id = @business_id LIMIT 1"))
        {
            Add(read, "id", _activated.Id);
            Add(read, "business_id", BusinessId);
            var license = await ReadLicenseAsync(read);
            if (license is null || license.Status != LicenseStatus.Active || license.Archived || license.IsExpiredAt(activation.Now))
            {
                return license;
            }
        }

        await using (var fingerprint = Command(connection, "SELECT id, business_id, license_id, name, fingerprint, created_at FROM licensekit_license_instances WHERE license_id = @license_id AND fingerprint = @fingerprint LIMIT 1"))
        {
            Add(fingerprint, "license_id", _activated.Id);
            Add(fingerprint, "fingerprint", activation.Instance.Fingerprint);
            await using var reader = await fingerprint.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                return null;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = Command(connection, "UPDATE licensekit_licenses SET instances_count = instances_count + 1, version = version + 1, updated_at = @now WHERE id = @id AND business_id = @business_id AND status = 'ACTIVE' AND NOT archived AND (expires_at IS NULL OR expires_at > @now) AND (activations_limit IS NULL OR instances_count < activations_limit)", transaction))
        {
            Add(update, "now", now);
            Add(update, "id", _activated.Id);
            Add(update, "business_id", BusinessId);
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                await transaction.RollbackAsync();
                return null;
            }
        }

        await using (var insert = Command(connection, "INSERT INTO licensekit_license_instances (id, business_id, license_id, name, fingerprint, created_at) VALUES (@id, @business_id, @license_id, @name, @fingerprint, @created_at)", transaction))
        {
            Add(insert, "id", activation.Instance.Id);
            Add(insert, "business_id", BusinessId);
            Add(insert, "license_id", _activated.Id);
            Add(insert, "name", activation.Instance.Name);
            Add(insert, "fingerprint", activation.Instance.Fingerprint);
            Add(insert, "created_at", now);
            await insert.ExecuteNonQueryAsync();
        }

        License? updated;
        await using (var readBack = Command(connection, $"SELECT {LicenseColumns} FROM licensekit_licenses WHERE id = @id AND business_id = @business_id LIMIT 1", transaction))
        {
            Add(readBack, "id", _activated.Id);
            Add(readBack, "business_id", BusinessId);
            updated = await ReadLicenseAsync(readBack);
        }

        await transaction.CommitAsync();
        return updated;
    }

    [Benchmark(Description = "EF Core store"), BenchmarkCategory("Activate")]
    public async Task<License?> Activate_EntityFrameworkCore()
    {
        await using var context = _contexts.CreateDbContext();
        var result = await new EntityFrameworkCoreLicenseStore<EntityFrameworkCoreBenchmarkContext>(context).ActivateAsync(NewActivation(Next()));
        return result.License;
    }

    private static License NewLicense(string suffix) => BenchmarkKeyHashing.WithKeyHash(new()
    {
        Id = PrefixedId.Create(PrefixedId.License),
        Key = "BENCH-" + suffix.ToUpperInvariant(),
        BusinessId = BusinessId,
        ProductId = "prod_bench",
        CustomerId = "cust_bench",
        ActivationsLimit = 5,
        Metadata = Metadata,
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    });

    private InstanceActivation NewActivation(string fingerprint) => new(
        BusinessId,
        _activated.Id,
        new LicenseInstance
        {
            Id = PrefixedId.Create(PrefixedId.Instance),
            BusinessId = BusinessId,
            LicenseId = _activated.Id,
            Name = "machine",
            Fingerprint = fingerprint,
            CreatedAt = Now,
        },
        Now.AddMinutes(1));

    private string Next() =>
        Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Reads the first row of a raw license SELECT (columns in table order) the way a hand-written data layer would.</summary>
    internal static async Task<License?> ReadLicenseAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new License
        {
            Id = reader.GetString(0),
            BusinessId = reader.GetString(1),
            KeyHint = reader.IsDBNull(2) ? null : reader.GetString(2),
            Status = reader.GetString(3) switch { "ACTIVE" => LicenseStatus.Active, "DISABLED" => LicenseStatus.Disabled, _ => LicenseStatus.Revoked },
            ProductId = reader.GetString(4),
            PaymentId = reader.IsDBNull(5) ? null : reader.GetString(5),
            CustomerId = reader.GetString(6),
            ActivationsLimit = reader.IsDBNull(7) ? null : reader.GetInt32(7),
            ActivationMessage = reader.IsDBNull(8) ? null : reader.GetString(8),
            InstancesCount = reader.GetInt32(9),
            DurationHours = reader.IsDBNull(10) ? null : reader.GetInt32(10),
            ExpiresAt = reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
            Metadata = reader.IsDBNull(12) ? null : new LicenseMetadata(JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(12))!),
            Archived = reader.GetBoolean(13),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(15)),
            Version = reader.GetInt64(16),
        };
    }
}
