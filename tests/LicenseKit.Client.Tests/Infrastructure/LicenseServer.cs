using System.Security.Cryptography;
using LicenseKit.Stores;
using LicenseKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Client.Tests.Infrastructure;

/// <summary>
/// A vendor's license service as the client meets it: LicenseKit.AspNetCore's activation endpoints with signing on, on
/// the ASP.NET Core test server, with one fake clock shared by server and clients.
/// </summary>
public sealed class LicenseServer : IAsyncDisposable
{
    public const string BusinessId = "biz_345TUESrCDPvrb";
    public const string KeyId = "2026-01";
    public static readonly DateTimeOffset Start = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);
    public static readonly Uri ServerUrl = new("http://localhost/licenses/");

    private readonly WebApplication _app;

    private LicenseServer(WebApplication app, FakeTimeProvider time, string publicKeyPem)
    {
        _app = app;
        Time = time;
        PublicKeyPem = publicKeyPem;
    }

    public FakeTimeProvider Time { get; }

    public string PublicKeyPem { get; }

    public IServiceProvider Services => _app.Services;

    public ILicenseManager Manager => _app.Services.GetRequiredService<ILicenseManager>();

    /// <summary>Starts the server; <paramref name="configureServices"/> runs after LicenseKit and signing are registered.</summary>
    public static async Task<LicenseServer> StartAsync(Action<IServiceCollection>? configureServices = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privateKeyPem = key.ExportPkcs8PrivateKeyPem();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var time = new FakeTimeProvider(Start);
        builder.Services.AddLicenseKit(o => o.BusinessId = BusinessId)
            .UseStore(new InMemoryLicenseStore())
            .UseTimeProvider(time)
            .UseKeyGenerator(new SequentialKeyGenerator())
            .AddSignedLicenses(o =>
            {
                o.SigningKeyPem = privateKeyPem;
                o.KeyId = KeyId;
                o.TokenLifetime = TokenLifetime;
            });
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapLicenseKitActivation("/licenses");
        await app.StartAsync();
        return new LicenseServer(app, time, key.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>The transport to this server: what a socket to it would be.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async Task<License> IssueAsync(int? activationsLimit = 3, int? durationHours = null, IReadOnlyList<string>? entitlements = null, string? paymentId = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var result = await _app.Services.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest
        {
            ProductId = "prod_hyQQhhNzfEuvv",
            CustomerId = "cust_3r2FgHXp9",
            PaymentId = paymentId,
            Metadata = metadata,
            ActivationsLimit = activationsLimit,
            DurationHours = durationHours,
            ActivationMessage = "Thank you! Your license is now active.",
            Entitlements = entitlements,
        });
        return result.Value!;
    }

    public async Task<IReadOnlyList<LicenseInstance>> InstancesAsync(string licenseId) =>
        (await Manager.ListInstancesAsync(licenseId)).Value!;

    /// <summary>Options for a client on the machine whose fingerprint is <paramref name="machine"/>, keeping its license in <paramref name="storage"/>.</summary>
    public LicenseClientOptions ClientOptions(string machine, ILicenseTokenStorage storage)
    {
        var options = new LicenseClientOptions
        {
            ServerUrl = ServerUrl,
            ApplicationName = "Acme.Editor",
            InstanceName = machine,
            Storage = storage,
            FingerprintProvider = new FixedFingerprint($"fp-{machine}"),
            TimeProvider = Time,
        };
        options.PublicKeys[KeyId] = PublicKeyPem;
        return options;
    }

    /// <summary>A client on <paramref name="machine"/> whose network is <paramref name="network"/> (connected when null).</summary>
    public LicenseClient CreateClient(string machine, ILicenseTokenStorage storage, NetworkSwitch? network = null)
    {
        network ??= new NetworkSwitch();
        network.InnerHandler = CreateHandler();
        return new LicenseClient(ClientOptions(machine, storage), new HttpClient(network));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
