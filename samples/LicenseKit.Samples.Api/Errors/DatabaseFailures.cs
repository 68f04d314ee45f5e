using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.Samples.Api.Errors;

/// <summary>Tells a database that is away (down, restarting, out of connections) from a bug.</summary>
internal static class DatabaseFailures
{
    // SQLITE_BUSY, SQLITE_LOCKED (the busy timeout ran out), SQLITE_IOERR, SQLITE_CANTOPEN: the file, not the request.
    private static readonly HashSet<int> UnavailableSqliteCodes = [5, 6, 10, 14];

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps) says the database cannot serve right now: EF Core gave up
    /// retrying, or the provider marks the failure transient (Npgsql does for refused or broken connections, an exhausted
    /// pool, a server shutting down or starting up, too many connections), or SQLite could not open or lock its file.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryLimitExceededException:
                case SqliteException sqlite when UnavailableSqliteCodes.Contains(sqlite.SqliteErrorCode):
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
