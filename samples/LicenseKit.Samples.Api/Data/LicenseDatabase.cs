using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LicenseKit.Samples.Api.Data;

/// <summary>Chooses the database from configuration, with a bounded pool and transient-failure retries on PostgreSQL.</summary>
internal static class LicenseDatabase
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, otherwise SQLite on <c>ConnectionStrings:Sqlite</c>
    /// (default: a licenses.db file next to the app). The "Database" section tunes both (<see cref="DatabaseOptions"/>).
    /// </summary>
    public static IServiceCollection AddLicenseDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();

        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            // One data source (one pool) per process, bounded: an exhausted pool queues callers for Timeout seconds,
            // then they get a 503, instead of the process opening connections until the server refuses everyone.
            var connection = new NpgsqlConnectionStringBuilder(postgres)
            {
                MaxPoolSize = options.MaxPoolSize,
                Timeout = options.ConnectTimeoutSeconds,
            };
            // Npgsql logs through the host's logging (its defaults log no parameter values).
            services.AddSingleton(provider => new NpgsqlDataSourceBuilder(connection.ConnectionString)
                .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
                .Build());

            // The EF store runs its transactions and lookups through this strategy, each retried whole; few, short
            // retries keep a request's wait bounded, and the client gets a 503 with Retry-After once they run out.
            return services.AddDbContext<LicensesDbContext, PostgresLicensesDbContext>((provider, o) => o.UseNpgsql(
                provider.GetRequiredService<NpgsqlDataSource>(),
                npgsql => npgsql.EnableRetryOnFailure(options.MaxRetryCount, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds), errorCodesToAdd: null)));
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
}
