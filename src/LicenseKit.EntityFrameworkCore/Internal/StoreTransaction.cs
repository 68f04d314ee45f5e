using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>The store's own transaction, or a savepoint in the host's, committed and rolled back alike.</summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="Owned">Whether the store started it (else it is the host's).</param>
/// <param name="Savepoint">The savepoint in the host's transaction, when the provider has them.</param>
internal readonly record struct StoreTransaction(IDbContextTransaction Transaction, bool Owned, string? Savepoint) : IAsyncDisposable
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
