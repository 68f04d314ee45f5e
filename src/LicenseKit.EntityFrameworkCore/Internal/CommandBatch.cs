using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// Sends the commands of one write together: as one <see cref="DbBatch"/> (one round trip) where the provider has
/// batches, else one after another. Either way in the connection's current transaction, if any.
/// </summary>
internal static class CommandBatch
{
    /// <summary>Runs <paramref name="commands"/> in order and disposes them; the first failure stops the rest.</summary>
    public static async Task ExecuteAsync(IRelationalConnection connection, IReadOnlyList<DbCommand> commands, CancellationToken cancellationToken)
    {
        // The commands were built before the store's transaction (if any) began: enlist them now.
        var transaction = connection.CurrentTransaction?.GetDbTransaction();
        try
        {
            if (connection.DbConnection.CanCreateBatch)
            {
                var batch = ToBatch(connection.DbConnection, commands);
                await using (batch.ConfigureAwait(false))
                {
                    batch.Transaction = transaction;
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            foreach (var command in commands)
            {
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var command in commands)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One batch of <paramref name="commands"/>' statements. The statements build commands with the model's type mappings,
    /// which only create parameters on a command; the parameters move to the batch's commands unchanged.
    /// </summary>
    public static DbBatch ToBatch(DbConnection connection, IReadOnlyList<DbCommand> commands)
    {
        var batch = connection.CreateBatch();
        batch.Timeout = commands[0].CommandTimeout;
        foreach (var command in commands)
        {
            var batchCommand = batch.CreateBatchCommand();
            batchCommand.CommandText = command.CommandText;
            var parameters = new DbParameter[command.Parameters.Count];
            command.Parameters.CopyTo(parameters, 0);
            command.Parameters.Clear();
            batchCommand.Parameters.AddRange(parameters);
            batch.BatchCommands.Add(batchCommand);
        }

        return batch;
    }
}
