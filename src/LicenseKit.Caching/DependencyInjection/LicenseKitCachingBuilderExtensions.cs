using LicenseKit.Caching;
using LicenseKit.Caching.Internal;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the license cache to a <see cref="LicenseKitBuilder"/>.</summary>
public static class LicenseKitCachingBuilderExtensions
{
    /// <summary>
    /// Caches the licenses the store finds by key (what validation, activation and deactivation start with) in this
    /// host's memory, and makes every write through LicenseKit evict what it changed here and, when
    /// <see cref="LicenseCacheOptions.RedisConfiguration"/> is set, on every host sharing that Redis server. Validation
    /// answers as without the cache; a host that cannot reach Redis keeps answering from its store and memory.
    /// </summary>
    /// <remarks>
    /// Call it after choosing the store (<c>UseStore</c>, <c>UseEntityFrameworkCore</c>): it decorates the store
    /// registered at that moment, with that store's lifetime. Calling it again only applies the extra configuration,
    /// or decorates a store registered since.
    /// </remarks>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configure">Configures the cache, e.g. <c>o =&gt; o.RedisConfiguration = "127.0.0.1:6379"</c>.</param>
    /// <returns>The same builder.</returns>
    public static LicenseKitBuilder AddLicenseCache(this LicenseKitBuilder builder, Action<LicenseCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        var options = services.AddOptions<LicenseCacheOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LicenseCacheOptions>, LicenseCacheOptionsValidator>());
        services.TryAddSingleton(sp => new LicenseCache(sp.GetRequiredService<IOptions<LicenseCacheOptions>>(), sp.GetService<ILoggerFactory>()));

        var store = services.LastOrDefault(d => d.ServiceType == typeof(ILicenseStore) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No ILicenseStore is registered; call AddLicenseKit() before AddLicenseCache().");
        if (store.ImplementationFactory?.Target is CachedStore)
        {
            return builder;
        }

        services.Replace(ServiceDescriptor.Describe(typeof(ILicenseStore), new CachedStore(store).Create, store.Lifetime));
        return builder;
    }

    // Builds the decorated store as its own registration would have, then wraps it.
    private sealed class CachedStore(ServiceDescriptor store)
    {
        // The host owns an instance it registered; the container never disposes it, nor do we.
        private readonly bool _ownsInner = store.ImplementationInstance is not ILicenseStore;

        // Made once per registration rather than once per store, which a scoped store would pay on every request.
        private readonly Func<IServiceProvider, ILicenseStore> _createInner = store.ImplementationInstance is ILicenseStore instance
            ? _ => instance
            : services => store.ImplementationFactory is { } factory
                ? (ILicenseStore)factory(services)
                : (ILicenseStore)ActivatorUtilities.CreateInstance(services, store.ImplementationType!);

        public CachingLicenseStore Create(IServiceProvider services) =>
            new(_createInner, services, services.GetRequiredService<LicenseCache>(), _ownsInner);
    }
}
