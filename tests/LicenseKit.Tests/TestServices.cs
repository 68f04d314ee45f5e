using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Tests;

/// <summary>A LicenseKit container on fake time and an inspectable in-memory store, one per test.</summary>
internal sealed class TestServices : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    public TestServices(Action<LicenseKitBuilder>? configure = null, Action<IServiceCollection>? services = null, string businessId = "biz_345TUESrCDPvrb")
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddLicenseKit(o => o.BusinessId = businessId).UseStore(Store).UseTimeProvider(Time);
        configure?.Invoke(builder);
        _root = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _scope = _root.CreateAsyncScope();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryLicenseStore Store { get; } = new();

    public IServiceProvider Root => _root;

    public ILicenseIssuer Issuer => _scope.ServiceProvider.GetRequiredService<ILicenseIssuer>();

    public ILicenseManager Manager => _scope.ServiceProvider.GetRequiredService<ILicenseManager>();

    public ILicenseActivator Activator => _scope.ServiceProvider.GetRequiredService<ILicenseActivator>();

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
        await Store.ListAsync(businessId, new LicenseListQuery { Limit = int.MaxValue });

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
