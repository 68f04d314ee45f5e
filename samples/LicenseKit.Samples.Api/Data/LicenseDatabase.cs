using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.Samples.Api.Data;

/// <summary>Chooses the database from configuration and brings its schema up to date at startup.</summary>
internal static class LicenseDatabase
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, otherwise SQLite on <c>ConnectionStrings:Sqlite</c>
    /// (default: a licenses.db file next to the app).
    /// </summary>
    public static IServiceCollection AddLicenseDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return services.AddDbContext<LicensesDbContext, PostgresLicensesDbContext>(o => o.UseNpgsql(postgres));
        }

        var sqlite = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite") ?? "Data Source=licenses.db");
        if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
        {
            sqlite.DataSource = Path.Combine(environment.ContentRootPath, sqlite.DataSource);
        }

        // SQLite has a single writer: wait for the lock rather than fail with SQLITE_BUSY under concurrent activations.
        sqlite.DefaultTimeout = 30;
        return services.AddDbContext<LicensesDbContext, SqliteLicensesDbContext>(o => o.UseSqlite(sqlite.ToString()));
    }

    /// <summary>Applies the committed migrations of the configured provider.</summary>
    public static async Task MigrateLicenseDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
        await context.Database.MigrateAsync();
        if (context.Database.IsSqlite())
        {
            // Readers do not block the writer in WAL mode; the setting persists in the database file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
