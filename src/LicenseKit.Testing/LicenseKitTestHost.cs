using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Testing;

/// <summary>
/// LicenseKit wired for unit tests of code that uses it: an in-memory store, a <see cref="FakeTimeProvider"/> the
/// test advances, and a <see cref="SequentialKeyGenerator"/> so keys are predictable (<c>TEST-0001</c>, …).
/// </summary>
/// <example>
/// <code>
/// await using var host = LicenseKitTestHost.Create();
/// var issued = await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1", DurationHours = 1 });
/// host.Time.Advance(TimeSpan.FromHours(1));
/// var validation = await host.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "TEST-0001" });
/// </code>
/// </example>
public sealed class LicenseKitTestHost : IAsyncDisposable
{
    /// <summary>The business the host is configured with unless the options say otherwise.</summary>
    public const string DefaultBusinessId = "biz_test";

    /// <summary>The instant <see cref="Time"/> starts at: 2026-01-01T00:00:00.000Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AsyncServiceScope _scope;

    private LicenseKitTestHost(ServiceProvider services, FakeTimeProvider time, SequentialKeyGenerator keys, InMemoryLicenseStore store)
    {
        Services = services;
        Time = time;
        Keys = keys;
        Store = store;
        _scope = services.CreateAsyncScope();
    }

    /// <summary>The root provider; use <see cref="ServiceProviderServiceExtensions.CreateAsyncScope(IServiceProvider)"/> for a scope per simulated request.</summary>
    public ServiceProvider Services { get; }

    /// <summary>The clock of every LicenseKit service; advance it instead of sleeping.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The key generator: keys are <c>TEST-0001</c>, <c>TEST-0002</c>, … in issue order.</summary>
    public SequentialKeyGenerator Keys { get; }

    /// <summary>The in-memory store, to arrange or inspect state directly (unused if <c>configure</c> swaps the store).</summary>
    public InMemoryLicenseStore Store { get; }

    /// <summary>The issuer, from the host's own scope.</summary>
    public ILicenseIssuer Issuer => _scope.ServiceProvider.GetRequiredService<ILicenseIssuer>();

    /// <summary>The manager, from the host's own scope.</summary>
    public ILicenseManager Manager => _scope.ServiceProvider.GetRequiredService<ILicenseManager>();

    /// <summary>The activator, from the host's own scope.</summary>
    public ILicenseActivator Activator => _scope.ServiceProvider.GetRequiredService<ILicenseActivator>();

    /// <summary>The key hashing secret test hosts use (id <c>test</c>): 32 fixed bytes, public, for tests only.</summary>
    public const string TestKeyHashingSecret = "dGVzdC1vbmx5LWhhc2hpbmctc2VjcmV0LTMyLWJ5dGVz";

    /// <summary>The event log of the test business: the feed and re-drives.</summary>
    public ILicenseEventLog Events => _scope.ServiceProvider.GetRequiredService<ILicenseEventLog>();

    /// <summary>
    /// Delivers every recorded event that is due at <see cref="Time"/> to the registered handlers, as the hosted dispatcher
    /// would, until none is due (failed events wait for their retry time: advance <see cref="Time"/> to reach it).
    /// </summary>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> DeliverEventsAsync(CancellationToken cancellationToken = default)
    {
        var delivery = Services.GetRequiredService<LicenseEventDelivery>();
        var total = 0;
        for (var claimed = -1; claimed != 0; total += claimed)
        {
            claimed = await delivery.DeliverDueAsync(cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    /// <summary>Builds a host.</summary>
    /// <param name="configureOptions">Changes the options after <see cref="LicenseKitOptions.BusinessId"/> is set to <see cref="DefaultBusinessId"/>.</param>
    /// <param name="configure">Adds to or overrides the wiring (event handlers, a store, the host's own services through <see cref="LicenseKitBuilder.Services"/>).</param>
    /// <param name="start">The start of <see cref="Time"/>; <see cref="DefaultStart"/> when <see langword="null"/>.</param>
    /// <returns>The host; dispose it at the end of the test.</returns>
    public static LicenseKitTestHost Create(Action<LicenseKitOptions>? configureOptions = null, Action<LicenseKitBuilder>? configure = null, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? DefaultStart);
        var keys = new SequentialKeyGenerator();
        var store = new InMemoryLicenseStore();
        var services = new ServiceCollection();
        var builder = services
            .AddLicenseKit(o =>
            {
                o.BusinessId = DefaultBusinessId;

                // A fixed, public test secret: hashes are the same in every run, and a host swapping in another store starts.
                o.KeyHashing.Secrets["test"] = TestKeyHashingSecret;
                configureOptions?.Invoke(o);
            })
            .UseStore(store)
            .UseTimeProvider(time)
            .UseKeyGenerator(keys);
        configure?.Invoke(builder);
        return new LicenseKitTestHost(services.BuildServiceProvider(validateScopes: true), time, keys, store);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync().ConfigureAwait(false);
        await Services.DisposeAsync().ConfigureAwait(false);
    }
}
