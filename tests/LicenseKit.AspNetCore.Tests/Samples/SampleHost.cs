using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The sample host as it ships (its Program, appsettings and committed migrations) on a database of its own: a SQLite
/// file in a temp folder, or a fresh PostgreSQL database on the server of LICENSEKIT_POSTGRES_CONNECTION, which the
/// sample's start-up migration creates.
/// </summary>
public sealed class SampleHost : IAsyncDisposable
{
    private const string PostgresServerVariable = "LICENSEKIT_POSTGRES_CONNECTION";
    private readonly Func<Task> _dropDatabase;

    private SampleHost(WebApplicationFactory<Program> factory, string databasePath, Func<Task> dropDatabase)
    {
        Factory = factory;
        DatabasePath = databasePath;
        _dropDatabase = dropDatabase;
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>The SQLite folder, or the PostgreSQL connection string of the sample's database.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts the sample; <paramref name="settings"/> override its configuration (rate limits, pool, retries).</summary>
    /// <param name="store">The database to run on.</param>
    /// <param name="settings">Configuration overrides.</param>
    /// <param name="configure">More configuration of the host, e.g. a logging provider.</param>
    public static Task<SampleHost> StartAsync(SampleStore store, IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Logging:LogLevel:Default"] = "Warning",
        };
        all.TryAdd("RateLimiting:ActivationPermitsPerMinute", "10000");
        return store == SampleStore.Sqlite ? StartOnSqliteAsync(all, configure) : StartOnPostgresAsync(all, configure);
    }

    /// <summary>A client with <c>Authorization: Bearer {apiKey}</c> (the sample's appsettings keys), or anonymous for null.</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = Factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _dropDatabase();
    }

    private static async Task<SampleHost> StartOnSqliteAsync(Dictionary<string, string> settings, Action<IWebHostBuilder>? configure)
    {
        var folder = Directory.CreateTempSubdirectory("licensekit-sample-");
        settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder.FullName, "licenses.db")}";
        settings["ConnectionStrings:Postgres"] = string.Empty;
        return await StartAsync(settings, configure, folder.FullName, () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<SampleHost> StartOnPostgresAsync(Dictionary<string, string> settings, Action<IWebHostBuilder>? configure)
    {
        var server = Environment.GetEnvironmentVariable(PostgresServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            var reason = $"The sample's PostgreSQL tests need a server in {PostgresServerVariable}.";
            if (Environment.GetEnvironmentVariable("LICENSEKIT_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        var name = "licensekit_sample_" + Guid.NewGuid().ToString("N")[..12];
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        settings["ConnectionStrings:Postgres"] = database;
        return await StartAsync(settings, configure, database, async () =>
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    private static async Task<SampleHost> StartAsync(Dictionary<string, string> settings, Action<IWebHostBuilder>? configure, string databasePath, Func<Task> dropDatabase)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            configure?.Invoke(host);
        });
        try
        {
            // Building the server runs the sample's start-up, migration included.
            _ = factory.Server;
            return new SampleHost(factory, databasePath, dropDatabase);
        }
        catch
        {
            await factory.DisposeAsync();
            await dropDatabase();
            throw;
        }
    }
}
