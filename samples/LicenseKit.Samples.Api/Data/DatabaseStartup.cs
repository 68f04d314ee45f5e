using LicenseKit.Samples.Api.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseKit.Samples.Api.Data;

/// <summary>
/// Brings the schema up to date at start-up, waiting for a database that is not up yet (a container started beside
/// it, a server restarting) with a growing pause between attempts, up to <see cref="DatabaseOptions.StartupTimeoutSeconds"/>.
/// </summary>
internal static partial class DatabaseStartup
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(15);

    /// <summary>Applies the committed migrations of the configured provider once the database answers.</summary>
    public static async Task MigrateLicenseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(options.StartupTimeoutSeconds);
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(services, cancellationToken);
                var elapsed = time.GetElapsedTime(started);
                if (attempt > 1)
                {
                    LogReachable(logger, attempt, elapsed);
                }

                return;
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && time.GetElapsedTime(started) + pause < timeout)
            {
                var reason = e.GetBaseException().Message;
                LogWaiting(logger, attempt, reason, pause);
            }

            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
        await context.Database.MigrateAsync(cancellationToken);

        // Rows written before keys were hashed (or under a secret that is no longer current) get their hashes now; a no-op
        // on an up-to-date table, but it reads every row once, so a large deployment runs it as a release step instead.
        var hashing = await context.HashLicenseKeysAsync(
            scope.ServiceProvider.GetRequiredService<ILicenseKeyHasher>(), scope.ServiceProvider.GetService<ILicenseKeyProtector>(), cancellationToken);
        if (hashing.ConflictingLicenseIds.Count > 0)
        {
            LogKeyConflicts(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!), string.Join(", ", hashing.ConflictingLicenseIds));
        }
        if (context.Database.IsSqlite())
        {
            // Readers do not block the writer in WAL mode; the setting persists in the database file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Licenses {LicenseIds} keep their unhashed keys: each collides with another key of its business once normalized. Revoke or re-key one of each pair.")]
    private static partial void LogKeyConflicts(ILogger logger, string licenseIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The license database is not reachable yet (attempt {Attempt}: {Reason}); retrying in {Pause}.")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "The license database answered on attempt {Attempt}, after {Elapsed}.")]
    private static partial void LogReachable(ILogger logger, int attempt, TimeSpan elapsed);
}
