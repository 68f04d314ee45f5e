using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LicenseKit.Internal;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit;

/// <summary>
/// An <see cref="ILicenseStore"/> over the host's own <typeparamref name="TContext"/> that works on any relational
/// provider. Uniqueness is decided by unique indexes; activation, deactivation and updates are conditional
/// <c>UPDATE … WHERE</c> statements in a transaction, so several processes sharing one database behave as one.
/// </summary>
/// <remarks>
/// <para>The context's model must call <see cref="LicenseKitModelBuilderExtensions.UseLicenseKit"/>.</para>
/// <para>Like the context, an instance is not thread-safe: use one per scope (which <c>UseEntityFrameworkCore</c> does).</para>
/// <para>The store writes and reads with its own statements on the context's connection: it neither saves nor tracks
/// anything on the context, so changes the host left pending there stay pending. When the host has a transaction open
/// on the context, the store joins it (behind a savepoint where the provider has them).</para>
/// </remarks>
/// <typeparam name="TContext">The host's context.</typeparam>
public sealed class EntityFrameworkCoreLicenseStore<TContext> : ILicenseStore
    where TContext : DbContext
{
    // The statements of every creation, validation and activation are written once per model from its table and column
    // names and sent as plain commands: EF's query and update pipelines cost more than the statements themselves on a
    // local database. One context type may be used with several models (one per provider), hence the table.
    private static readonly ConditionalWeakTable<IModel, LicenseStatements> StatementsByModel = [];

    private readonly LicenseStatements _statements;
    private readonly TContext _context;
    private readonly IRelationalConnection _connection;
    private readonly OrdinalIdRewriter? _ordinalIds;
    private IExecutionStrategy? _strategy;

    /// <summary>Creates a store over <paramref name="context"/>.</summary>
    /// <param name="context">The host's context; the store does not dispose it.</param>
    public EntityFrameworkCoreLicenseStore(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _statements = StatementsByModel.TryGetValue(context.Model, out var statements) ? statements : StatementsByModel.GetValue(context.Model, _ => new LicenseStatements(context));
        _connection = context.GetService<IRelationalConnection>();
        _ordinalIds = OrdinalCollation(context.Database.ProviderName) is { } collation ? new OrdinalIdRewriter(collation) : null;
    }

    private DbSet<LicenseEntity> Licenses => _context.Set<LicenseEntity>();

    private DbSet<LicenseInstanceEntity> Instances => _context.Set<LicenseInstanceEntity>();

    private DbSet<LicenseIdempotencyEntity> IdempotencyRecords => _context.Set<LicenseIdempotencyEntity>();

    /// <inheritdoc />
    public async Task<LicenseCreateResult> CreateAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        var row = LicenseMapper.ToEntity(license);
        await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RetryableAsync(() => InsertAsync(row, idempotency, cancellationToken)).ConfigureAwait(false);
            return new LicenseCreateResult(LicenseCreateOutcome.Created, license);
        }
        catch (DbException)
        {
            // A unique index refused the insert (the concurrent winner has committed by now); report which one, in the
            // documented order. Anything else is not an expected outcome and propagates.
            var conflict = await FindCreateConflictAsync(license, idempotency, cancellationToken).ConfigureAwait(false);
            if (conflict is null)
            {
                throw;
            }

            return conflict;
        }
        finally
        {
            await _connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<License?> FindByIdAsync(string businessId, string licenseId, CancellationToken cancellationToken = default) =>
        FindLicenseAsync(businessId, licenseId, cancellationToken);

    /// <inheritdoc />
    public Task<License?> FindByKeyAsync(string businessId, string normalizedKey, CancellationToken cancellationToken = default) =>
        ReadOneAsync(_statements.LicenseByKey, LicenseStatements.ReadLicense, businessId, normalizedKey, null, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var licenses = Licenses.AsNoTracking().Where(l => l.BusinessId == businessId);
        if (query.ProductId is { } productId)
        {
            licenses = licenses.Where(l => l.ProductId == productId);
        }

        if (query.CustomerId is { } customerId)
        {
            licenses = licenses.Where(l => l.CustomerId == customerId);
        }

        if (query.Status is { } status)
        {
            var storedStatus = LicenseMapper.ToStatus(status);
            licenses = licenses.Where(l => l.Status == storedStatus);
        }

        if (query.Archived is { } archived)
        {
            licenses = licenses.Where(l => l.Archived == archived);
        }

        if (query.CreatedFrom is { } createdFrom)
        {
            var from = LicenseMapper.ToUnixMs(createdFrom);
            licenses = licenses.Where(l => l.CreatedAt >= from);
        }

        if (query.CreatedBefore is { } createdBefore)
        {
            var before = LicenseMapper.ToUnixMs(createdBefore);
            licenses = licenses.Where(l => l.CreatedAt < before);
        }

        if (query.After is { } after)
        {
            var afterCreatedAt = LicenseMapper.ToUnixMs(after.CreatedAt);
            var afterId = after.Id;
            // string.Compare becomes SQL's "<" under the column's (ordinal) collation; the analyzer cannot know.
#pragma warning disable CA1309
            licenses = licenses.Where(Ordinal<LicenseEntity, bool>(
                l => l.CreatedAt < afterCreatedAt || (l.CreatedAt == afterCreatedAt && string.Compare(l.Id, afterId) < 0)));
#pragma warning restore CA1309
        }

        var page = await licenses
            .OrderByDescending(l => l.CreatedAt)
            .ThenByDescending(Ordinal<LicenseEntity, string>(l => l.Id))
            .Take(query.Limit)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return page.ConvertAll(LicenseMapper.ToLicense);
    }

    /// <inheritdoc />
    public async Task<LicenseEditResult> UpdateAsync(License license, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        var row = LicenseMapper.ToEntity(license);
        var newVersion = expectedVersion + 1;
        var updated = await Licenses
            .Where(l => l.Id == license.Id && l.BusinessId == license.BusinessId && l.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(l => l.Key, row.Key)
                    .SetProperty(l => l.NormalizedKey, row.NormalizedKey)
                    .SetProperty(l => l.Status, row.Status)
                    .SetProperty(l => l.ProductId, row.ProductId)
                    .SetProperty(l => l.PaymentId, row.PaymentId)
                    .SetProperty(l => l.CustomerId, row.CustomerId)
                    .SetProperty(l => l.ActivationsLimit, row.ActivationsLimit)
                    .SetProperty(l => l.ActivationMessage, row.ActivationMessage)
                    .SetProperty(l => l.InstancesCount, row.InstancesCount)
                    .SetProperty(l => l.DurationHours, row.DurationHours)
                    .SetProperty(l => l.ExpiresAt, row.ExpiresAt)
                    .SetProperty(l => l.Metadata, row.Metadata)
                    .SetProperty(l => l.Archived, row.Archived)
                    .SetProperty(l => l.CreatedAt, row.CreatedAt)
                    .SetProperty(l => l.UpdatedAt, row.UpdatedAt)
                    .SetProperty(l => l.Version, newVersion),
                cancellationToken)
            .ConfigureAwait(false);
        if (updated == 1)
        {
            return new LicenseEditResult(LicenseEditOutcome.Updated, license with { Version = newVersion });
        }

        var stored = await FindLicenseAsync(license.BusinessId, license.Id, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new LicenseEditResult(LicenseEditOutcome.NotFound)
            : new LicenseEditResult(LicenseEditOutcome.ConcurrencyConflict, stored);
    }

    /// <inheritdoc />
    public async Task<InstanceActivationResult> ActivateAsync(InstanceActivation activation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activation);

        // One connection for all the statements of the activation, as a hand-written data layer would hold it.
        await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The reads only answer early; the conditional UPDATE below re-checks status, expiry and limit atomically,
            // and the unique (license, fingerprint) index settles a race between two activations of one device.
            var refusal = await ExplainActivationAsync(activation, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            return await RetryableAsync(() => ActivateInTransactionAsync(activation, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            await _connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<InstanceDeactivationResult> DeactivateAsync(string businessId, string licenseId, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        return await RetryableAsync(() => DeactivateInTransactionAsync(businessId, licenseId, instanceId, LicenseMapper.ToUnixMs(now), cancellationToken))
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<LicenseInstance?> FindInstanceAsync(string businessId, string licenseId, string? instanceId, string? fingerprint, CancellationToken cancellationToken = default)
    {
        if (instanceId is not null)
        {
            return ReadOneAsync(_statements.InstanceById, LicenseStatements.ReadInstance, licenseId, businessId, instanceId, cancellationToken);
        }

        return fingerprint is null
            ? Task.FromResult<LicenseInstance?>(null)
            : ReadOneAsync(_statements.InstanceByFingerprintInBusiness, LicenseStatements.ReadInstance, licenseId, businessId, fingerprint, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LicenseInstance>> ListInstancesAsync(string businessId, string licenseId, CancellationToken cancellationToken = default)
    {
        var instances = await InstancesOf(businessId, licenseId)
            .OrderBy(i => i.CreatedAt)
            .ThenBy(Ordinal<LicenseInstanceEntity, string>(i => i.Id))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return instances.ConvertAll(LicenseMapper.ToInstance);
    }

    private async Task<InstanceActivationResult> ActivateInTransactionAsync(InstanceActivation activation, CancellationToken cancellationToken)
    {
        var now = LicenseMapper.ToUnixMs(activation.Now);
        var (businessId, licenseId) = (activation.BusinessId, activation.LicenseId);
        var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // The row lock taken by this statement is held until commit: a concurrent activation waits, then re-evaluates
            // the WHERE clause against the incremented count. Both statements are plain SQL built once per model from
            // its table and column names: the LINQ pipeline would cost more than the statements on a local database.
            var claimed = await ExecuteAsync(
                    LicenseStatements.CreateCommand(_connection, _statements.ClaimSlot, now, licenseId, businessId, LicenseMapper.Active, false),
                    cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return await ExplainActivationAsync(activation, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The license could not be activated although it accepts activations.");
            }

            var instance = activation.Instance;
            try
            {
                // A null fingerprint is sent as SQL NULL; the unique index treats NULLs as distinct.
                await ExecuteAsync(
                        LicenseStatements.CreateCommand(
                            _connection,
                            _statements.InsertInstance,
                            instance.Id,
                            instance.BusinessId,
                            instance.LicenseId,
                            instance.Name,
                            instance.Fingerprint,
                            LicenseMapper.ToUnixMs(instance.CreatedAt)),
                        cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (DbException) when (instance.Fingerprint is not null)
            {
                // The same fingerprint was activated concurrently: undo the claimed slot and return that instance.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                var existing = await ExplainActivationAsync(activation, cancellationToken).ConfigureAwait(false);
                if (existing?.Outcome == InstanceActivationOutcome.ExistingInstance)
                {
                    return existing;
                }

                throw;
            }

            var license = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new InstanceActivationResult(InstanceActivationOutcome.Activated, license!, activation.Instance);
        }
    }

    private async Task<InstanceDeactivationResult> DeactivateInTransactionAsync(string businessId, string licenseId, string instanceId, long now, CancellationToken cancellationToken)
    {
        var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var license = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
            if (license is null)
            {
                return new InstanceDeactivationResult(InstanceDeactivationOutcome.LicenseNotFound);
            }

            var instance = await Instances.AsNoTracking()
                .FirstOrDefaultAsync(i => i.Id == instanceId && i.LicenseId == licenseId, cancellationToken)
                .ConfigureAwait(false);

            // The DELETE decides: of two concurrent deactivations of one instance, only one deletes a row.
            var deleted = instance is null
                ? 0
                : await Instances.Where(i => i.Id == instanceId && i.LicenseId == licenseId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (deleted == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                var current = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false) ?? license;
                return new InstanceDeactivationResult(InstanceDeactivationOutcome.InstanceNotFound, current);
            }

            await Licenses
                .Where(l => l.Id == licenseId && l.BusinessId == businessId)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(l => l.InstancesCount, l => l.InstancesCount - 1)
                        .SetProperty(l => l.Version, l => l.Version + 1)
                        .SetProperty(l => l.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            var updated = await FindLicenseAsync(businessId, licenseId, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

            return new InstanceDeactivationResult(InstanceDeactivationOutcome.Deactivated, updated!, LicenseMapper.ToInstance(instance!));
        }
    }

    /// <summary>Decides, from what is committed now, why an activation would not insert; <see langword="null"/> when it would.</summary>
    private async Task<InstanceActivationResult?> ExplainActivationAsync(InstanceActivation activation, CancellationToken cancellationToken)
    {
        var license = await FindLicenseAsync(activation.BusinessId, activation.LicenseId, cancellationToken).ConfigureAwait(false);
        if (license is null)
        {
            return new InstanceActivationResult(InstanceActivationOutcome.LicenseNotFound);
        }

        if (license.Status != LicenseStatus.Active || license.Archived || license.IsExpiredAt(activation.Now))
        {
            return new InstanceActivationResult(InstanceActivationOutcome.Rejected, license);
        }

        if (activation.Instance.Fingerprint is { } fingerprint)
        {
            var existing = await ReadOneAsync(_statements.InstanceByFingerprint, LicenseStatements.ReadInstance, activation.LicenseId, fingerprint, null, cancellationToken)
                .ConfigureAwait(false);
            if (existing is not null)
            {
                return new InstanceActivationResult(InstanceActivationOutcome.ExistingInstance, license, existing);
            }
        }

        return license.ActivationsLimit is { } limit && license.InstancesCount >= limit
            ? new InstanceActivationResult(InstanceActivationOutcome.Rejected, license)
            : null;
    }

    private async Task<LicenseCreateResult?> FindCreateConflictAsync(License license, LicenseIdempotency? idempotency, CancellationToken cancellationToken)
    {
        if (idempotency is not null)
        {
            var record = await IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.BusinessId == license.BusinessId && r.Key == idempotency.Key, cancellationToken)
                .ConfigureAwait(false);
            if (record is not null)
            {
                var earlier = await FindLicenseAsync(license.BusinessId, record.LicenseId, cancellationToken).ConfigureAwait(false);
                return new LicenseCreateResult(LicenseCreateOutcome.IdempotencyKeyExists, earlier, record.RequestHash);
            }
        }

        if (await Licenses.AsNoTracking().AnyAsync(l => l.Id == license.Id, cancellationToken).ConfigureAwait(false))
        {
            return new LicenseCreateResult(LicenseCreateOutcome.DuplicateId);
        }

        var normalizedKey = LicenseKeyNormalizer.Normalize(license.Key);
        if (await Licenses.AsNoTracking().AnyAsync(l => l.BusinessId == license.BusinessId && l.NormalizedKey == normalizedKey, cancellationToken).ConfigureAwait(false))
        {
            return new LicenseCreateResult(LicenseCreateOutcome.DuplicateKey);
        }

        return null;
    }

    /// <summary>
    /// Runs a unit of work through the context's execution strategy, so a retrying strategy retries it whole; inside
    /// the host's transaction the host owns retries, and the work runs once.
    /// </summary>
    private Task<T> RetryableAsync<T>(Func<Task<T>> work) => Retries ? Strategy.ExecuteAsync(work) : work();

    /// <summary>Whether work must run through a retrying execution strategy: it retries, and no host transaction is open.</summary>
    private bool Retries => _connection.CurrentTransaction is null && Strategy.RetriesOnFailure;

    // A strategy is stateless between executions, and the store is used by one caller at a time.
    private IExecutionStrategy Strategy => _strategy ??= _context.Database.CreateExecutionStrategy();

    /// <summary>
    /// Opens the context's connection for the statements of one operation, through EF so that its interceptors and
    /// bookkeeping see it; <see cref="IRelationalConnection.CloseAsync"/> closes it only if this opened it.
    /// </summary>
    private Task<bool> OpenConnectionAsync(CancellationToken cancellationToken) =>
        Retries
            ? Strategy.ExecuteAsync(_connection, static (_, connection, ct) => connection.OpenAsync(ct), null, cancellationToken)
            : _connection.OpenAsync(cancellationToken);

    private Task<License?> FindLicenseAsync(string businessId, string licenseId, CancellationToken cancellationToken) =>
        ReadOneAsync(_statements.LicenseById, LicenseStatements.ReadLicense, licenseId, businessId, null, cancellationToken);

    /// <summary>Runs a lookup of at most one row (its parameters are the non-null values, in order) and reads that row.</summary>
    private Task<T?> ReadOneAsync<T>(LicenseStatements.Statement statement, Func<DbDataReader, T> read, string first, string second, string? third, CancellationToken cancellationToken)
        where T : class =>
        Retries
            ? RetryableAsync(() => ReadOneOnceAsync(statement, read, first, second, third, cancellationToken))
            : ReadOneOnceAsync(statement, read, first, second, third, cancellationToken);

    private async Task<T?> ReadOneOnceAsync<T>(LicenseStatements.Statement statement, Func<DbDataReader, T> read, string first, string second, string? third, CancellationToken cancellationToken)
        where T : class
    {
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = third is null
                ? LicenseStatements.CreateCommand(_connection, statement, first, second)
                : LicenseStatements.CreateCommand(_connection, statement, first, second, third);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
                }
            }
        }
        finally
        {
            await _connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs and disposes a command that returns no rows; the connection is open already.</summary>
    private static async Task<int> ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Inserts the license and its idempotency record. A lone license is one statement, atomic by itself; with a record,
    /// or inside the host's transaction, the inserts run in a transaction or behind a savepoint, so a refused insert
    /// leaves nothing behind and the host's transaction usable.
    /// </summary>
    private async Task<bool> InsertAsync(LicenseEntity row, LicenseIdempotency? idempotency, CancellationToken cancellationToken)
    {
        if (idempotency is null && _connection.CurrentTransaction is null)
        {
            // Opened here too (a no-op on the caller's open connection): a retry after a broken connection reopens it.
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(LicenseStatements.CreateCommand(_connection, _statements.InsertLicense, LicenseStatements.InsertLicenseValues(row)), cancellationToken)
                    .ConfigureAwait(false);
                return true;
            }
            finally
            {
                await _connection.CloseAsync().ConfigureAwait(false);
            }
        }

        var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await ExecuteAsync(LicenseStatements.CreateCommand(_connection, _statements.InsertLicense, LicenseStatements.InsertLicenseValues(row)), cancellationToken)
                    .ConfigureAwait(false);
                if (idempotency is not null)
                {
                    await ExecuteAsync(
                            LicenseStatements.CreateCommand(_connection, _statements.InsertIdempotency, row.BusinessId, idempotency.Key, row.Id, idempotency.RequestHash),
                            cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            catch (DbException)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private IQueryable<LicenseInstanceEntity> InstancesOf(string businessId, string licenseId) =>
        Instances.AsNoTracking().Where(i => i.LicenseId == licenseId && Licenses.Any(l => l.Id == licenseId && l.BusinessId == businessId));

    /// <summary>
    /// Starts a transaction, or joins the one the host has open on the context behind a savepoint, so that a refused
    /// activation or deactivation undoes its own statements only.
    /// </summary>
    private async Task<StoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_context.Database.CurrentTransaction is { } ambient)
        {
            var savepoint = ambient.SupportsSavepoints ? "licensekit" : null;
            if (savepoint is not null)
            {
                await ambient.CreateSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
            }

            return new StoreTransaction(ambient, Owned: false, savepoint);
        }

        // On SQLite this is BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing on a stale snapshot.
        var transaction = await _context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new StoreTransaction(transaction, Owned: true, Savepoint: null);
    }

    /// <summary>Ids compare ordinally in memory; PostgreSQL and SQL Server need a binary collation to sort them the same way.</summary>
    private static string? OrdinalCollation(string? providerName) => providerName switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "C",
        "Microsoft.EntityFrameworkCore.SqlServer" => "Latin1_General_BIN2",
        _ => null,
    };

    private Expression<Func<TEntity, TResult>> Ordinal<TEntity, TResult>(Expression<Func<TEntity, TResult>> expression) =>
        _ordinalIds is null ? expression : (Expression<Func<TEntity, TResult>>)_ordinalIds.Visit(expression);

    private readonly record struct StoreTransaction(IDbContextTransaction Transaction, bool Owned, string? Savepoint) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) =>
            Owned ? Transaction.CommitAsync(cancellationToken)
            : Savepoint is not null ? Transaction.ReleaseSavepointAsync(Savepoint, cancellationToken)
            : Task.CompletedTask;

        public Task RollbackAsync(CancellationToken cancellationToken) =>
            Owned ? Transaction.RollbackAsync(cancellationToken)
            : Savepoint is not null ? Transaction.RollbackToSavepointAsync(Savepoint, cancellationToken)
            : Task.CompletedTask;

        public ValueTask DisposeAsync() => Owned ? Transaction.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Rewrites every <c>x.Id</c> of an entity parameter to <c>EF.Functions.Collate(x.Id, collation)</c>.</summary>
    private sealed class OrdinalIdRewriter(string collation) : ExpressionVisitor
    {
        private static readonly MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
            .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!
            .MakeGenericMethod(typeof(string));

        private static readonly PropertyInfo Functions = typeof(EF).GetProperty(nameof(EF.Functions))!;

        protected override Expression VisitMember(MemberExpression node) =>
            node.Member.Name == "Id" && node.Expression is ParameterExpression
                ? Expression.Call(Collate, Expression.Property(null, Functions), node, Expression.Constant(collation))
                : base.VisitMember(node);
    }
}
