using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// How the store runs its statements on the host's context: on the context's connection, through its execution strategy
/// (so a retrying strategy retries a unit of work whole), inside the host's transaction when one is open (behind a
/// savepoint, and without retries: the host owns them then).
/// </summary>
internal sealed class StoreExecution(DbContext context)
{
    private IExecutionStrategy? _strategy;
    private readonly LookupConnections? _lookupConnections = LookupConnections.For(context);

    /// <summary>The context's connection.</summary>
    public IRelationalConnection Connection { get; } = context.GetService<IRelationalConnection>();

    /// <summary>Whether the host has a transaction open on the context.</summary>
    public bool InHostTransaction => Connection.CurrentTransaction is not null;

    /// <summary>
    /// Whether a batch sent outside a transaction is atomic. Npgsql documents it (the statements share one implicit
    /// transaction unless error barriers are asked for); other providers' batches may commit statement by statement,
    /// so they get an explicit transaction. A wrapped connection is not recognised and gets one too.
    /// </summary>
    private bool BatchIsOneTransaction => Connection.DbConnection.CanCreateBatch && Connection.DbConnection.GetType().FullName == "Npgsql.NpgsqlConnection";

    /// <summary>Whether work must run through a retrying execution strategy: it retries, and no host transaction is open.</summary>
    private bool Retries => !InHostTransaction && Strategy.RetriesOnFailure;

    // A strategy is stateless between executions, and the store is used by one caller at a time.
    private IExecutionStrategy Strategy => _strategy ??= context.Database.CreateExecutionStrategy();

    /// <summary>Runs a unit of work through the context's execution strategy when it retries; otherwise once.</summary>
    public Task<T> RetryableAsync<T>(Func<Task<T>> work) => Retries ? Strategy.ExecuteAsync(work) : work();

    /// <summary>
    /// Opens the context's connection for the statements of one operation, through EF so that its interceptors and
    /// bookkeeping see it; <see cref="CloseAsync"/> closes it only if this opened it.
    /// </summary>
    public Task<bool> OpenAsync(CancellationToken cancellationToken) =>
        Retries
            ? Strategy.ExecuteAsync(Connection, static (_, connection, ct) => connection.OpenAsync(ct), null, cancellationToken)
            : Connection.OpenAsync(cancellationToken);

    /// <summary>Closes the connection if <see cref="OpenAsync"/> opened it.</summary>
    public Task<bool> CloseAsync() => Connection.CloseAsync();

    /// <summary>Runs a lookup of at most one row and reads that row; retried whole by a retrying strategy.</summary>
    public Task<T?> ReadOneAsync<T>(Func<IRelationalConnection, DbCommand> command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        Retries
            ? Strategy.ExecuteAsync(() => ReadOneOnceAsync(command, read, cancellationToken))
            : ReadOneOnceAsync(command, read, cancellationToken);

    /// <summary>Runs and disposes a command that returns no rows; the connection is open already.</summary>
    public static async Task<int> ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the statements of one write as a unit: all of them land or none does, and a refusal inside the host's
    /// transaction undoes only them (<see cref="BeginTransactionAsync"/>). Disposes the commands.
    /// </summary>
    public async Task WriteTogetherAsync(IReadOnlyList<DbCommand> commands, CancellationToken cancellationToken)
    {
        if (!InHostTransaction && BatchIsOneTransaction)
        {
            // One round trip instead of BEGIN, each statement and COMMIT: the server runs the batch as one implicit
            // transaction, so a failing statement rolls back the ones before it.
            await CommandBatch.ExecuteAsync(Connection, commands, cancellationToken).ConfigureAwait(false);
            return;
        }

        var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await CommandBatch.ExecuteAsync(Connection, commands, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts a transaction, or joins the one the host has open on the context behind a savepoint, so that a refused
    /// write undoes its own statements only and leaves the host's transaction usable.
    /// </summary>
    public async Task<StoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is { } ambient)
        {
            var savepoint = ambient.SupportsSavepoints ? "licensekit" : null;
            if (savepoint is not null)
            {
                await ambient.CreateSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
            }

            return new StoreTransaction(ambient, Owned: false, savepoint);
        }

        // On SQLite this is BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing on a stale snapshot.
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new StoreTransaction(transaction, Owned: true, Savepoint: null);
    }

    private async Task<T?> ReadOneOnceAsync<T>(Func<IRelationalConnection, DbCommand> createCommand, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var lookupConnection = _lookupConnections is not null && Connection.DbConnection.State == ConnectionState.Closed ? _lookupConnections.Create() : null;
        if (lookupConnection is not null)
        {
            await lookupConnection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var command = createCommand(Connection);
            if (lookupConnection is not null)
            {
                command.Connection = lookupConnection;
            }

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
            if (lookupConnection is not null)
            {
                await lookupConnection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await Connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }
}
