using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseKit.Samples.Api.Data;

// Used by `dotnet ef migrations add … --context SqliteLicensesDbContext|PostgresLicensesDbContext` only: generating a
// migration needs the provider, not a live database.

/// <summary>Creates the SQLite context for the EF tools.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLicensesDbContext>
{
    public SqliteLicensesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLicensesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Creates the PostgreSQL context for the EF tools.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLicensesDbContext>
{
    public PostgresLicensesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLicensesDbContext>().UseNpgsql("Host=localhost;Database=licensekit_design").Options);
}
