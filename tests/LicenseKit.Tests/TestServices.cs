using LicenseKit.Stores;
using LicenseKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Tests;

/// <summary>
/// The Testing package's <see cref="LicenseKitTestHost"/> with the seed's business and real random keys (these tests
/// check the key format), plus the seed's example request.
/// </summary>
internal sealed class TestServices : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private readonly LicenseKitTestHost _host;

    public TestServices(Action<LicenseKitBuilder>? configure = null, Action<IServiceCollection>? services = null, string businessId = "biz_345TUESrCDPvrb") =>
        _host = LicenseKitTestHost.Create(
            o => o.BusinessId = businessId,
            b =>
            {
                b.UseKeyGenerator<RandomKeyGenerator>();
                services?.Invoke(b.Services);
                configure?.Invoke(b);
            },
            Start);

    public FakeTimeProvider Time => _host.Time;

    public InMemoryLicenseStore Store => _host.Store;

    public IServiceProvider Root => _host.Services;

    public ILicenseIssuer Issuer => _host.Issuer;

    public ILicenseManager Manager => _host.Manager;

    public ILicenseActivator Activator => _host.Activator;

    public ILicenseEventLog Events => _host.Events;

    /// <summary>Delivers the recorded events that are due, as the hosted dispatcher would.</summary>
    public Task<int> DeliverEventsAsync() => _host.DeliverEventsAsync();

    public static IssueLicenseRequest SeedRequest(string? key = null) => new()
    {
        ProductId = "prod_hyQQhhNzfEuvv",
        CustomerId = "cust_3r2FgHXp9",
        ActivationsLimit = 3,
        DurationHours = 720,
        Key = key,
    };

    /// <summary>Issues a license and returns it, failing the test if issuing fails.</summary>
    public async Task<License> IssueAsync(IssueLicenseRequest? request = null)
    {
        var result = await Issuer.IssueAsync(request ?? SeedRequest());
        result.Succeeded.Should().BeTrue(result.ToString());
        return result.Value!;
    }

    /// <summary>Every license of the business, archived included: what the store holds.</summary>
    public async Task<IReadOnlyList<License>> AllLicensesAsync(string businessId = "biz_345TUESrCDPvrb") =>
        await Store.ListAsync(businessId, new LicenseKeysetQuery { Limit = int.MaxValue });

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
