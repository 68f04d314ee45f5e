using LicenseKit.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace LicenseKit.Client.Tests.DependencyInjection;

/// <summary>The DI registration: one client over IHttpClientFactory, with the standard resilience handler in front of the network.</summary>
public sealed class LicenseClientServiceCollectionExtensionsTests
{
    private LicenseServer _server = null!;

    [SetUp]
    public async Task SetUp() => _server = await LicenseServer.StartAsync();

    [TearDown]
    public async Task TearDown() => await _server.DisposeAsync();

    [Test]
    public async Task AddLicenseKitClient_ActivatesThroughTheNamedHttpClient_AsOneSingleton()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch();
        using var provider = Provider(network);

        var client = provider.GetRequiredService<LicenseClient>();
        var state = await client.ActivateAsync(license.Key);

        provider.GetRequiredService<LicenseClient>().Should().BeSameAs(client);
        state.Code.Should().Be(LicenseStateCode.Licensed);
        network.Requests.Should().Be(1);
    }

    [Test]
    public async Task AddLicenseKitClient_Server500_RetriesThenLicensedOffline()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch();
        using var provider = Provider(network);
        var client = provider.GetRequiredService<LicenseClient>();
        await client.ActivateAsync(license.Key);
        network.Mode = NetworkMode.ServerError;

        var state = await client.RefreshAsync();

        network.Requests.Should().Be(1 + 1 + 3, "the activation, then the refresh and its three retries");
        state.Code.Should().Be(LicenseStateCode.LicensedOffline);
        state.ValidUntil.Should().Be(LicenseServer.Start + LicenseServer.TokenLifetime);
    }

    [Test]
    public async Task AddLicenseKitClient_ServerHangs_EachAttemptTimesOutThenServerUnreachable()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch { Mode = NetworkMode.Hanging };
        using var provider = Provider(network, attemptTimeout: TimeSpan.FromMilliseconds(300));

        var state = await provider.GetRequiredService<LicenseClient>().ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.ServerUnreachable);
        network.Requests.Should().Be(4, "one attempt and three retries, each cut by the attempt timeout");
    }

    [Test]
    public async Task AddLicenseKitClient_CalledTwice_RegistersOneClientAndOneResilienceHandler()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch { Mode = NetworkMode.ServerError };
        using var provider = Provider(network, registrations: 2);

        var state = await provider.GetRequiredService<LicenseClient>().ActivateAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.ServerUnreachable);
        network.Requests.Should().Be(4, "retries are not multiplied by a second registration");
    }

    [Test]
    public async Task AddLicenseKitClient_WithoutAClockInTheOptions_UsesTheRegisteredTimeProvider()
    {
        var license = await _server.IssueAsync();
        using var provider = Provider(new NetworkSwitch(), clockFromServices: true);
        var client = provider.GetRequiredService<LicenseClient>();
        await client.ActivateAsync(license.Key);

        _server.Time.Advance(LicenseServer.TokenLifetime + TimeSpan.FromHours(1));

        client.Check().Code.Should().Be(LicenseStateCode.OfflineGraceEnded);
    }

    private ServiceProvider Provider(NetworkSwitch network, int registrations = 1, TimeSpan? attemptTimeout = null, bool clockFromServices = false)
    {
        var services = new ServiceCollection();
        if (clockFromServices)
        {
            services.AddSingleton<TimeProvider>(_server.Time);
        }

        IHttpClientBuilder http = null!;
        for (var i = 0; i < registrations; i++)
        {
            http = services.AddLicenseKitClient(
                o =>
                {
                    var options = _server.ClientOptions("laptop", new InMemoryLicenseTokenStorage());
                    o.ServerUrl = options.ServerUrl;
                    o.ApplicationName = options.ApplicationName;
                    o.Storage = options.Storage;
                    o.FingerprintProvider = options.FingerprintProvider;
                    o.TimeProvider = clockFromServices ? null : _server.Time;
                    o.PublicKeys[LicenseServer.KeyId] = _server.PublicKeyPem;
                },
                resilience =>
                {
                    // Retries without waiting: the counts are what matters here, not the back-off.
                    resilience.Retry.Delay = TimeSpan.Zero;
                    resilience.AttemptTimeout.Timeout = attemptTimeout ?? resilience.AttemptTimeout.Timeout;
                });
        }

        // The network sits inside the resilience handler, so every attempt meets it.
        http.AddHttpMessageHandler(() => network).ConfigurePrimaryHttpMessageHandler(_server.CreateHandler);
        return services.BuildServiceProvider();
    }
}
