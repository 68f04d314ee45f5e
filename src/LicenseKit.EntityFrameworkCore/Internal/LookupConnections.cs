using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// Connections for single-row lookups on SQLite when the context's own connection is closed: a new pooled connection on
/// the same connection string, opened and closed around the lookup as a raw data layer would. EF Core's SQLite provider
/// registers its SQL functions on its connection at every open, which costs as much as the lookup itself; the lookups'
/// statements use none of them.
/// </summary>
/// <remarks>
/// Only where nothing is lost: EF Core created the context's connection from a connection string (the host gave it no
/// connection object of its own, which may carry state), and no connection interceptor is registered (it would expect
/// to see the open). Otherwise, and whenever the context's connection is open (a host transaction, a connection the host
/// opened), the lookup runs on the context's connection.
/// </remarks>
internal sealed class LookupConnections
{
    // Decided once per options: every context leased from one pool shares them.
    private static readonly ConditionalWeakTable<IDbContextOptions, StrongBox<LookupConnections?>> ByOptions = [];

    private readonly DbProviderFactory _factory;
    private readonly string _connectionString;

    private LookupConnections(DbProviderFactory factory, string connectionString)
    {
        _factory = factory;
        _connectionString = connectionString;
    }

    /// <summary>The lookup connections of <paramref name="context"/>'s options, or <see langword="null"/> where lookups use the context's connection.</summary>
    public static LookupConnections? For(DbContext context)
    {
        var options = context.GetService<IDbContextOptions>();
        return ByOptions.GetValue(options, _ => new StrongBox<LookupConnections?>(Decide(context, options))).Value;
    }

    /// <summary>A new, closed connection to the same database.</summary>
    public DbConnection Create()
    {
        var connection = _factory.CreateConnection()!;
        connection.ConnectionString = _connectionString;
        return connection;
    }

    private static LookupConnections? Decide(DbContext context, IDbContextOptions options)
    {
        var relational = RelationalOptionsExtension.Extract(options);
        if (context.Database.ProviderName != ProviderNames.Sqlite
            || relational.Connection is not null
            || relational.ConnectionString is not { Length: > 0 } connectionString
            || context.GetService<IInterceptors>().Aggregate<IDbConnectionInterceptor>() is not null)
        {
            return null;
        }

        var factory = DbProviderFactories.GetFactory(context.Database.GetDbConnection());
        return factory is null ? null : new LookupConnections(factory, connectionString);
    }
}
