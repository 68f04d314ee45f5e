using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LicenseKit.Serialization;
using LicenseKit.Stores;
using LicenseKit.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A minimal host of the endpoints, as a vendor's service would write it: its own bearer scheme, a
/// <c>licenses:admin</c> policy on management, authentication on activation, business from the caller's claim.
/// Served in memory by the ASP.NET Core test server; real HTTP requests, real routing, real auth.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    public const string BusinessA = "biz_345TUESrCDPvrb";
    public const string BusinessB = "biz_otherBusiness";
    public static readonly DateTimeOffset Start = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private readonly WebApplication _app;

    private TestApi(WebApplication app, InMemoryLicenseStore store, FakeTimeProvider time)
    {
        _app = app;
        Store = store;
        Time = time;
        Admin = CreateClient($"{BusinessA} licenses:admin");
        Client = CreateClient(BusinessA);
    }

    public InMemoryLicenseStore Store { get; }

    /// <summary>The host's services, e.g. its <see cref="LicenseEventDelivery"/>.</summary>
    public IServiceProvider Services => _app.Services;

    public FakeTimeProvider Time { get; }

    /// <summary>Business A with the licenses:admin scope.</summary>
    public HttpClient Admin { get; }

    /// <summary>Business A authenticated without scopes: what an installed application holds.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the host; <paramref name="authorizeActivation"/> false maps the activation group without RequireAuthorization.</summary>
    public static async Task<TestApi> StartAsync(Action<IServiceCollection>? configureServices = null, bool authorizeActivation = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();

        var store = new InMemoryLicenseStore();
        var time = new FakeTimeProvider(Start);
        builder.Services
            .AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("licenses:admin", p => p.RequireClaim("scope", "licenses:admin")));
        // The seed's REST format returns key on every read: keys are stored encrypted (ephemeral Data Protection keys here).
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddLicenseKit()
            .ProtectKeysWithDataProtection()
            .UseStore(store)
            .UseTimeProvider(time)
            .UseKeyGenerator(new SequentialKeyGenerator())
            .UseBusinessFromClaim();
        builder.Services.AddOpenApi(o => o.AddLicenseKitSchemas());
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLicenseKitManagement("/licenses").RequireAuthorization("licenses:admin");
        var activation = app.MapLicenseKitActivation("/licenses");
        if (authorizeActivation)
        {
            activation.RequireAuthorization();
        }

        app.MapOpenApi();
        await app.StartAsync();
        return new TestApi(app, store, time);
    }

    /// <summary>A client with <c>Authorization: Bearer {token}</c>, or anonymous for null.</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = _app.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Every license and instance of a business, as stored, to compare before and after.</summary>
    public async Task<string> SnapshotAsync(string businessId)
    {
        var licenses = await Store.ListAsync(businessId, new LicenseKeysetQuery { Archived = null, Limit = int.MaxValue });
        var text = new StringBuilder();
        foreach (var license in licenses)
        {
            text.Append(JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License)).Append(" v").Append(license.Version).AppendLine();
            foreach (var instance in await Store.ListInstancesAsync(businessId, license.Id))
            {
                text.AppendLine(JsonSerializer.Serialize(instance, LicenseKitJsonContext.Default.LicenseInstance));
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
