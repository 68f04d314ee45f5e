namespace LicenseKit.Caching;

/// <summary>
/// Configures the license cache added by
/// <see cref="Microsoft.Extensions.DependencyInjection.LicenseKitCachingBuilderExtensions.AddLicenseCache"/>.
/// </summary>
public sealed class LicenseCacheOptions
{
    /// <summary>The longest <see cref="Duration"/> accepted: a day.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a host keeps a license it read (or the fact that a key was not found). This is the hard bound on
    /// how stale another host can be: when Redis is unreachable, when a write bypasses the cache, or when a read races
    /// a write. With Redis reachable, a write on one host evicts the entry on every host within the backplane's delivery
    /// time instead. Default: 10 seconds.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The StackExchange.Redis configuration string of the Redis server the hosts share (e.g. <c>127.0.0.1:6379</c>),
    /// through which every write evicts the entries it changed on every other host. <see langword="null"/> (the
    /// default) keeps the cache local to this host, which suits a single host only.
    /// </summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>
    /// The name of the cache and the prefix of its Redis channel. Hosts that share licenses must use the same name;
    /// applications with separate license databases on one Redis server should use different names. Default:
    /// <c>LicenseKit</c>.
    /// </summary>
    public string CacheName { get; set; } = "LicenseKit";
}
