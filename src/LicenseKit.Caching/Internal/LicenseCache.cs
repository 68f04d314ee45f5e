using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;

namespace LicenseKit.Caching.Internal;

/// <summary>
/// One host's memory of licenses, kept coherent across hosts by FusionCache's Redis backplane. There is no shared
/// second level: the store is the shared state, so reads never tell other hosts anything and only evictions are sent
/// (the memory-plus-backplane setup FusionCache documents). Any failure of the cache counts as a miss or is logged,
/// never surfaced: the store stays the source of truth.
/// </summary>
internal sealed class LicenseCache : IDisposable
{
    private readonly FusionCache _cache;
    private readonly FusionCacheEntryOptions _entryOptions;
    private readonly FusionCacheEntryOptions _evictionOptions;
    private readonly ILogger _logger;

    public LicenseCache(IOptions<LicenseCacheOptions> options, ILoggerFactory? loggerFactory = null)
    {
        var settings = options.Value;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<LicenseCache>();

        // No fail-safe: a stale license must never stand in for a store error. Reads publish nothing; evictions do.
        _entryOptions = new FusionCacheEntryOptions
        {
            Duration = settings.Duration,
            IsFailSafeEnabled = false,
            SkipBackplaneNotifications = true,
        };
        _evictionOptions = _entryOptions.Duplicate();
        _evictionOptions.SkipBackplaneNotifications = false;

        var cacheOptions = new FusionCacheOptions
        {
            CacheName = settings.CacheName,
            DefaultEntryOptions = _entryOptions,
            // Startup must not wait for Redis; an eviction missed while it is unreachable ages out after Duration.
            WaitForInitialBackplaneSubscribe = false,
        };
        _cache = new FusionCache(cacheOptions, logger: loggerFactory.CreateLogger<FusionCache>());
        if (settings.RedisConfiguration is { } configuration)
        {
            var backplane = new RedisBackplane(
                new RedisBackplaneOptions { Configuration = configuration },
                loggerFactory.CreateLogger<RedisBackplane>());
            _cache.SetupBackplane(backplane);
        }
    }

    /// <summary>Looks an entry up in this host's memory; a hit may hold <see langword="null"/> (known not to exist).</summary>
    public bool TryGet<T>(string cacheKey, out T? value)
    {
        try
        {
            var found = _cache.TryGet<T?>(cacheKey, _entryOptions);
            value = found.HasValue ? found.Value : default;
            return found.HasValue;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CacheReadFailed(_logger, exception);
            value = default;
            return false;
        }
    }

    /// <summary>Remembers what the store returned, on this host only.</summary>
    public void Set<T>(string cacheKey, T? value)
    {
        try
        {
            _cache.Set(cacheKey, value, _entryOptions);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CacheWriteFailed(_logger, exception);
        }
    }

    /// <summary>Forgets an entry on this host at once and, through the backplane, on every other host.</summary>
    public async ValueTask EvictAsync(string cacheKey)
    {
        try
        {
            // Not cancellable: the store has written, so the eviction must go out whatever the caller does.
            await _cache.RemoveAsync(cacheKey, _evictionOptions, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.EvictionFailed(_logger, exception);
        }
    }

    public void Dispose() => _cache.Dispose();
}
