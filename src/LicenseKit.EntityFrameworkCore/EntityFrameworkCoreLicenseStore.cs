using System.Runtime.CompilerServices;
using LicenseKit.EntityFrameworkCore.Internal;
using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LicenseKit.EntityFrameworkCore;

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
public sealed partial class EntityFrameworkCoreLicenseStore<TContext> : ILicenseStore
    where TContext : DbContext
{
    // The statements are written once per model from its table and column names. One context type may be used with
    // several models (one per provider), hence the table.
    private static readonly ConditionalWeakTable<IModel, LicenseStatements> StatementsByModel = [];

    private readonly LicenseStatements _statements;
    private readonly TContext _context;
    private readonly StoreExecution _execution;
    private readonly OrdinalIdRewriter? _ordinalIds;
    private readonly bool _rowValues;

    /// <summary>Creates a store over <paramref name="context"/>.</summary>
    /// <param name="context">The host's context; the store does not dispose it.</param>
    public EntityFrameworkCoreLicenseStore(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _statements = StatementsByModel.TryGetValue(context.Model, out var statements) ? statements : StatementsByModel.GetValue(context.Model, _ => new LicenseStatements(context));
        _execution = new StoreExecution(context);
        _ordinalIds = _statements.OrdinalIds;
        _rowValues = _statements.ComparesRowValues;
    }

    private Task<License?> FindLicenseAsync(string businessId, string licenseId, CancellationToken cancellationToken) =>
        _execution.ReadOneAsync(c => _statements.LicenseById(c, licenseId, businessId), _statements.LicenseReader, cancellationToken);
}
