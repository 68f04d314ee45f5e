using System.Data.Common;
using System.Diagnostics;

namespace LicenseKit.Samples.Api.Tests;

/// <summary>
/// A PostgreSQL cluster of this fixture alone, started with the repository's .ci/postgres.sh helpers, that a test may
/// crash and start again (the shared test server is never touched).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly string[] ClusterVariables = ["LICENSEKIT_PG_DIR", "LICENSEKIT_PG_BIN", "LICENSEKIT_PG_PORT"];
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, string> _cluster;

    private PrivatePostgres(Dictionary<string, string> cluster, string connectionString)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
    }

    /// <summary>Connects to the cluster's <c>postgres</c> database as its superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Connects to <paramref name="database"/> on the cluster (the sample creates it when it migrates).</summary>
    public string ConnectionStringFor(string database) =>
        new DbConnectionStringBuilder { ConnectionString = ConnectionString, ["Database"] = database }.ConnectionString;

    /// <summary>Creates and starts a cluster on a free port of 127.0.0.1, or ignores the test where PostgreSQL cannot run.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        // No cluster variables inherited from the shell: postgres_start makes its own.
        var fresh = ClusterVariables.Append("LICENSEKIT_POSTGRES_CONNECTION").ToDictionary(v => v, _ => (string?)null);
        // The tests crash this server mid-traffic: acknowledged commits must survive the crash, as on a real server.
        fresh["LICENSEKIT_PG_DURABLE"] = "1";
        var (exitCode, output, error) = await RunScriptAsync(
            """postgres_start && printf '%s\n' "$LICENSEKIT_PG_DIR" "$LICENSEKIT_PG_BIN" "$LICENSEKIT_PG_PORT" "$LICENSEKIT_POSTGRES_CONNECTION" """,
            fresh);
        if (exitCode != 0)
        {
            var reason = $"A private PostgreSQL cluster could not start: {error}";
            if (Environment.GetEnvironmentVariable("LICENSEKIT_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cluster = ClusterVariables.Select((name, i) => KeyValuePair.Create(name, lines[i])).ToDictionary();
        return new PrivatePostgres(cluster, lines[3]);
    }

    /// <summary>Kills the server the way a crash or a lost host would: no shutdown handshake with its clients.</summary>
    public Task CrashAsync() => RunAsync("""_licensekit_pg_as_owner "$LICENSEKIT_PG_BIN/pg_ctl" -D "$LICENSEKIT_PG_DIR/data" -m immediate -w stop""");

    /// <summary>Starts the server again on the same port with the same settings, and waits until it accepts connections.</summary>
    public Task StartAgainAsync() =>
        RunAsync("""_licensekit_pg_as_owner "$LICENSEKIT_PG_BIN/pg_ctl" -D "$LICENSEKIT_PG_DIR/data" -l "$LICENSEKIT_PG_DIR/server.log" -w -t 60 restart""");

    /// <summary>Stops the server and deletes its folder.</summary>
    public ValueTask DisposeAsync() => new(RunAsync("postgres_stop"));

    private async Task RunAsync(string commands)
    {
        var (exitCode, _, error) = await RunScriptAsync(commands, _cluster.ToDictionary(p => p.Key, p => (string?)p.Value));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{commands}' failed ({exitCode}): {error}");
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(string commands, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source \"$0\" && {commands}", BuildPaths.PostgresScript])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
