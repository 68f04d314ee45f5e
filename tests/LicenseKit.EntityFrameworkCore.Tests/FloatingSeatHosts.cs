using System.Globalization;
using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Two hosts (two service providers, so two connection pools) sharing one database, with a floating-seat product, and
/// the calls the multi-host floating-seat tests share: issue, activate in parallel over both hosts, and check the seat
/// count against the stored instances.
/// </summary>
internal sealed class FloatingSeatHosts : IAsyncDisposable
{
    public const string BusinessId = "biz_floating_multihost";
    public const string FloatingProduct = "prod_floating";
    public const int SeatLimit = 25;

    private FloatingSeatHosts(ServiceProvider[] hosts) => Hosts = hosts;

    /// <summary>The two hosts; call <c>i % 2</c> spreads work over both.</summary>
    public ServiceProvider[] Hosts { get; }

    /// <summary>Starts two hosts on <paramref name="database"/>; <paramref name="timeFor"/> gives a host its clock (the system's when null).</summary>
    public static FloatingSeatHosts Start(TestDatabase database, TimeSpan lease, Func<int, TimeProvider>? timeFor = null) =>
        new([CreateHost(database, lease, timeFor?.Invoke(0)), CreateHost(database, lease, timeFor?.Invoke(1))]);

    public async Task<License> IssueAsync()
    {
        await using var scope = Hosts[0].CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
            new IssueLicenseRequest { ProductId = FloatingProduct, CustomerId = "cust_floating", ActivationsLimit = SeatLimit });
        result.Succeeded.Should().BeTrue(result.ToString());
        return result.Value!;
    }

    /// <summary>Activates <paramref name="count"/> devices in parallel over both hosts; <paramref name="taken"/> sees each seat the moment it is taken.</summary>
    public async Task<LicenseResult<LicenseActivationResponse>[]> ActivateInParallelAsync(License license, string prefix, int count, Action<LicenseInstance>? taken = null)
    {
        var results = new LicenseResult<LicenseActivationResponse>[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            results[i] = await ActivateAsync(license, prefix, i, ct);
            if (taken is not null && results[i].Value is { } activated)
            {
                taken(activated.Instance);
            }
        });
        return results;
    }

    /// <summary>Activates device <c>prefix-index</c> through host <c>index % 2</c>.</summary>
    public async Task<LicenseResult<LicenseActivationResponse>> ActivateAsync(License license, string prefix, int index, CancellationToken cancellationToken = default)
    {
        await using var scope = Hosts[index % 2].CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(Activation(license, prefix, index), cancellationToken);
    }

    /// <summary>Heartbeats one seat through host <c>index % 2</c>.</summary>
    public async Task<LicenseResult<LicenseHeartbeatResponse>> HeartbeatAsync(License license, string instanceId, int index, CancellationToken cancellationToken = default)
    {
        await using var scope = Hosts[index % 2].CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().HeartbeatAsync(
            new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instanceId }, cancellationToken);
    }

    /// <summary>Runs a sweeper on each host until a sweep finds fewer lapsed seats than its batch.</summary>
    public IEnumerable<Task> SweepOnBothHosts() => Hosts.Select(async host =>
    {
        await using var scope = host.CreateAsyncScope();
        while (await scope.ServiceProvider.GetRequiredService<ILicenseLeaseSweeper>().SweepAsync(3) == 3)
        {
        }
    });

    /// <summary>Reads the license and its instances on the second host: the count must equal the instances, and be <paramref name="expected"/>.</summary>
    public async Task<IReadOnlyList<LicenseInstance>> AssertCountEqualsInstancesAsync(License license, int expected)
    {
        await using var scope = Hosts[1].CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ILicenseStore>();
        var stored = await store.FindByIdAsync(BusinessId, license.Id);
        var instances = await store.ListInstancesAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(instances.Count);
        instances.Should().HaveCount(expected);
        return instances;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var services in Hosts)
        {
            await services.DisposeAsync();
        }
    }

    private static ActivateLicenseRequest Activation(License license, string prefix, int index) =>
        new() { LicenseKey = license.Key, Name = "agent", Fingerprint = prefix + "-" + index.ToString(CultureInfo.InvariantCulture) };

    private static ServiceProvider CreateHost(TestDatabase database, TimeSpan lease, TimeProvider? time)
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        var builder = services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                o.Products[FloatingProduct] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = lease };
                o.KeyHashing.Secrets["test"] = StoreRecords.HashingSecret;
            })
            .UseEntityFrameworkCore<TestDbContext>();
        if (time is not null)
        {
            builder.UseTimeProvider(time);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
