using Microsoft.EntityFrameworkCore;

namespace LicenseKit.Samples.Api.Data;

/// <summary>
/// The host's own DbContext, opting in to LicenseKit's tables. A real service would map its own entities here too, so
/// licenses and its orders commit in one transaction.
/// </summary>
internal abstract class LicensesDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseLicenseKit();
}

/// <summary>The context on SQLite (the default), with its own migrations under Data/Migrations/Sqlite.</summary>
internal sealed class SqliteLicensesDbContext(DbContextOptions<SqliteLicensesDbContext> options) : LicensesDbContext(options);

/// <summary>The context on PostgreSQL (when ConnectionStrings:Postgres is set), with its migrations under Data/Migrations/Postgres.</summary>
internal sealed class PostgresLicensesDbContext(DbContextOptions<PostgresLicensesDbContext> options) : LicensesDbContext(options);
