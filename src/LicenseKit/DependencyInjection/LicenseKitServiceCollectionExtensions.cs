using LicenseKit;
using LicenseKit.Internal;
using LicenseKit.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LicenseKit in a host's service collection.</summary>
public static class LicenseKitServiceCollectionExtensions
{
    /// <summary>
    /// Adds the LicenseKit services (<see cref="ILicenseIssuer"/>, <see cref="ILicenseManager"/>,
    /// <see cref="ILicenseActivator"/>) with an in-memory store by default. Options are validated at startup. Calling it
    /// again only applies the extra configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, e.g. <c>o =&gt; o.BusinessId = "biz_…"</c>.</param>
    /// <returns>A builder to swap the store, key generator or business resolver.</returns>
    public static LicenseKitBuilder AddLicenseKit(this IServiceCollection services, Action<LicenseKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<LicenseKitOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddServices(services);
    }

    /// <summary>
    /// Adds the LicenseKit services like <see cref="AddLicenseKit(IServiceCollection, Action{LicenseKitOptions}?)"/>, with
    /// the options bound from a configuration section, e.g. <c>builder.Configuration.GetSection("LicenseKit")</c>:
    /// <c>{ "BusinessId": "biz_…", "MinCustomKeyLength": 16, "KeyFormat": { "GroupCount": 5 } }</c>. The bound options are
    /// validated at startup like configured ones; <paramref name="configure"/> runs after binding.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="LicenseKitOptions"/>.</param>
    /// <param name="configure">Optionally adjusts the bound options.</param>
    /// <returns>A builder to swap the store, key generator or business resolver.</returns>
    public static LicenseKitBuilder AddLicenseKit(this IServiceCollection services, IConfiguration configuration, Action<LicenseKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = services.AddOptions<LicenseKitOptions>().Bind(configuration).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddServices(services);
    }

    private static LicenseKitBuilder AddServices(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LicenseKitOptions>, LicenseKitOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LicenseKitOptions>>(new LicenseKeyHashingValidator(services)));
        services.TryAdd(LicenseKeyHashing.DefaultHasher);
        services.TryAddSingleton(sp => new LicenseKeyVault(sp.GetRequiredService<ILicenseKeyHasher>(), sp.GetService<ILicenseKeyProtector>(), sp.GetRequiredService<LicenseKitLoggers>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LicenseErrorDescriber>();
        services.TryAddSingleton<ILicenseStore, InMemoryLicenseStore>();
        services.TryAddSingleton<IKeyGenerator, RandomKeyGenerator>();
        services.TryAddSingleton<ILicenseBusinessResolver, ConfiguredBusinessResolver>();
        services.TryAddSingleton<ILicensePolicyProvider, ConfiguredLicensePolicyProvider>();
        services.TryAddSingleton(sp => new LicenseKitLoggers(sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddSingleton(sp => new LicenseKitTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddScoped<LicenseEventDispatcher>();
        services.TryAddScoped<LicenseKitContext>();
        services.TryAddScoped<ILicenseIssuer, LicenseIssuer>();
        services.TryAddScoped<ILicenseManager, LicenseManager>();
        services.TryAddScoped<ILicenseActivator, LicenseActivator>();
        services.TryAddScoped<ILicenseLeaseSweeper, LicenseLeaseSweeper>();
        AddEvents(services);

        return new LicenseKitBuilder(services);
    }

    // Events are recorded by the store with each write; the log reads them, the delivery hands them to the handlers.
    private static void AddEvents(IServiceCollection services)
    {
        services.AddOptions<LicenseEventDeliveryOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LicenseEventDeliveryOptions>, LicenseEventDeliveryOptionsValidator>());
        services.TryAddScoped<ILicenseEventStore>(sp => sp.GetRequiredService<ILicenseStore>() as ILicenseEventStore
            ?? throw new InvalidOperationException($"The license store {sp.GetRequiredService<ILicenseStore>().GetType().Name} does not record events: it must implement {nameof(ILicenseEventStore)}."));
        services.TryAddScoped<ILicenseEventLog, LicenseEventLog>();
        services.TryAddSingleton(sp => new LicenseEventDelivery(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IOptions<LicenseEventDeliveryOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<LicenseKitLoggers>()));
    }
}
