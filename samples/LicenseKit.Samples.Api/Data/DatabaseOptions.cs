namespace LicenseKit.Samples.Api.Data;

/// <summary>
/// How the sample uses its database, from the "Database" configuration section. The defaults suit a small service:
/// requests fail fast with a 503 while the database is away, and start-up waits for it.
/// </summary>
internal sealed class DatabaseOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Database";

    /// <summary>
    /// Npgsql's <c>Maximum Pool Size</c> for this process (replaces the connection string's). Keep
    /// pool size × processes below the server's <c>max_connections</c> minus its reserved connections.
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Seconds to wait for a new connection, or for a free one when the pool is exhausted (Npgsql's <c>Timeout</c>,
    /// replaces the connection string's).
    /// </summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>How many times EF Core retries a transient PostgreSQL failure within one request.</summary>
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>The longest pause between two of those retries, in seconds.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 2;

    /// <summary>How long start-up waits for the database before giving up, in seconds.</summary>
    public int StartupTimeoutSeconds { get; set; } = 120;

    /// <summary>The <c>Retry-After</c> a 503 carries while the database is unavailable, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
