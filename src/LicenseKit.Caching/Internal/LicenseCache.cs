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

    // Counts evictions made here or received from other hosts. A lookup that overlapped one may have read the store
    // before the write it announces, so what it read is not kept (see SetUnlessEvicted).
    private long _evictions;

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
            // The eviction counter must move while the message is handled, not later on the thread pool.
            EnableSyncEventHandlersExecution = true,
        };
        _cache = new FusionCache(cacheOptions, logger: loggerFactory.CreateLogger<FusionCache>());
        _cache.Events.Backplane.MessageReceived += (_, _) => Interlocked.Increment(ref _evictions);
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

    /// <summary>The eviction count to pass to <see cref="SetUnlessEvicted"/>; read it before asking the store.</summary>
    public long EvictionCount => Interlocked.Read(ref _evictions);

    /// <summary>
    /// Remembers what the store returned, on this host only, unless an eviction happened since
    /// <paramref name="evictionCount"/> was read: the store may have answered before the write that eviction announces.
    /// </summary>
    public void SetUnlessEvicted<T>(string cacheKey, T? value, long evictionCount)
    {
        try
        {
            if (EvictionCount != evictionCount)
            {
                return;
            }

            _cache.Set(cacheKey, value, _entryOptions);
            if (EvictionCount != evictionCount)
            {
                // An eviction slipped in between the check and the write; take the value back out (here only).
                _cache.Remove(cacheKey, _entryOptions);
            }
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
            Interlocked.Increment(ref _evictions);

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
