using System.Diagnostics.CodeAnalysis;
using LicenseKit;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures LicenseKit after <see cref="LicenseKitServiceCollectionExtensions.AddLicenseKit(IServiceCollection, Action{LicenseKitOptions}?)"/>:
/// swap the store, the key generator or the business resolver, and add event handlers. Adapter packages add their own
/// extension methods here (e.g. <c>UseEntityFrameworkCore&lt;TContext&gt;()</c>).
/// </summary>
public sealed partial class LicenseKitBuilder
{
    internal LicenseKitBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for adapter packages.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Replaces the store (default: a singleton <see cref="InMemoryLicenseStore"/>).</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="lifetime">The store's lifetime; scoped suits stores that hold a unit of work such as a DbContext.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where TStore : class, ILicenseStore
    {
        Services.Replace(ServiceDescriptor.Describe(typeof(ILicenseStore), typeof(TStore), lifetime));
        return this;
    }

    /// <summary>Replaces the store with an existing instance, e.g. an <see cref="InMemoryLicenseStore"/> a test inspects.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseStore(ILicenseStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.Replace(ServiceDescriptor.Singleton(store));
        return this;
    }

    /// <summary>Replaces the key generator (default: <see cref="RandomKeyGenerator"/>).</summary>
    /// <typeparam name="TGenerator">The generator type; registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseKeyGenerator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TGenerator>()
        where TGenerator : class, IKeyGenerator
    {
        Services.Replace(ServiceDescriptor.Singleton<IKeyGenerator, TGenerator>());
        return this;
    }

    /// <summary>Replaces the key generator with an instance.</summary>
    /// <param name="generator">The generator.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseKeyGenerator(IKeyGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Services.Replace(ServiceDescriptor.Singleton(generator));
        return this;
    }

    /// <summary>
    /// Replaces the key hasher (default: <see cref="HmacLicenseKeyHasher"/> over <see cref="LicenseKitOptions.KeyHashing"/>),
    /// e.g. with one whose secret stays in a key vault. A host's own hasher manages its own secrets.
    /// </summary>
    /// <param name="hasher">The hasher.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseKeyHasher(ILicenseKeyHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        Services.Replace(ServiceDescriptor.Singleton(hasher));
        return this;
    }

    /// <summary>
    /// Stores every key encrypted by <typeparamref name="TProtector"/>, so reads by id and lists show <see cref="License.Key"/>
    /// again (default: no protector, the key is shown once). See <c>docs/keys-at-rest.md</c>.
    /// </summary>
    /// <typeparam name="TProtector">The protector; registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseKeyProtector<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProtector>()
        where TProtector : class, ILicenseKeyProtector
    {
        Services.Replace(ServiceDescriptor.Singleton<ILicenseKeyProtector, TProtector>());
        return this;
    }

    /// <summary>Replaces the business resolver (default: <see cref="ConfiguredBusinessResolver"/>).</summary>
    /// <typeparam name="TResolver">The resolver type.</typeparam>
    /// <param name="lifetime">Its lifetime; scoped suits resolvers that read the current request.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseBusinessResolver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TResolver>(ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where TResolver : class, ILicenseBusinessResolver
    {
        Services.Replace(ServiceDescriptor.Describe(typeof(ILicenseBusinessResolver), typeof(TResolver), lifetime));
        return this;
    }

    /// <summary>Replaces the clock (default: <see cref="TimeProvider.System"/>), e.g. with a <c>FakeTimeProvider</c> in tests.</summary>
    /// <param name="timeProvider">The time provider.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Services.Replace(ServiceDescriptor.Singleton(timeProvider));
        return this;
    }

    /// <summary>Adds an event handler; any number may be added and each runs once per event.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="lifetime">Its lifetime.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder AddEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where THandler : class, ILicenseEventHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Describe(typeof(ILicenseEventHandler), typeof(THandler), lifetime));
        return this;
    }

    /// <summary>Adds an event handler instance.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder AddEventHandler(ILicenseEventHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Services.AddSingleton(handler);
        return this;
    }
}
