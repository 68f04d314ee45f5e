using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// Two hosts (two service providers, two connection pools, two dispatchers) deliver the events of one database at the
/// same time: every event exactly once when no handler fails, never by both at once, each license's events in order.
/// </summary>
public abstract class EventDispatchMultiHostTests
{
    private const string BusinessId = "biz_dispatch";
    private const int Licenses = 30, UpdatesPerLicense = 4;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Test]
    public async Task TwoDispatchers_DeliverEachEventOnce_NeverConcurrently_InOrderPerLicense()
    {
        await using var database = await CreateDatabaseAsync();
        var probe = new DeliveryProbe();
        var gate = new SharingGate();
        await using var first = CreateHost(database, new HostHandler(probe, gate, 0));
        await using var second = CreateHost(database, new HostHandler(probe, gate, 1));
        ServiceProvider[] hosts = [first, second];

        await Parallel.ForEachAsync(Enumerable.Range(0, Licenses), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var host = hosts[i % 2];
            string licenseId;
            await using (var scope = host.CreateAsyncScope())
            {
                licenseId = (await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" }, ct)).Value!.Id;
            }

            for (var u = 0; u < UpdatesPerLicense; u++)
            {
                await using var scope = hosts[(i + u + 1) % 2].CreateAsyncScope();
                (await scope.ServiceProvider.GetRequiredService<ILicenseManager>().UpdateAsync(licenseId, new LicenseUpdate { ActivationMessage = "m" + u }, cancellationToken: ct)).Succeeded.Should().BeTrue();
            }
        });

        const int Expected = Licenses * (1 + UpdatesPerLicense);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var claimedBy = await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
        {
            var delivery = host.GetRequiredService<LicenseEventDelivery>();
            var claimed = 0;
            while (probe.Delivered.Count < Expected && !deadline.IsCancellationRequested)
            {
                claimed += await delivery.DeliverDueAsync(deadline.Token);
            }

            return claimed;
        })));

        probe.Delivered.Should().HaveCount(Expected);
        probe.Delivered.GroupBy(e => e.EventId).Should().OnlyContain(g => g.Count() == 1, "no handler failed, so no event is delivered twice");
        probe.ConcurrentDuplicates.Should().Be(0);
        claimedBy.Sum().Should().Be(Expected);
        claimedBy.Should().OnlyContain(count => count > 0, "both dispatchers share the work");
        foreach (var license in probe.Delivered.GroupBy(e => LicenseOf(e).Id))
        {
            license.Select(e => LicenseOf(e).Version).Should().BeInAscendingOrder().And.HaveCount(1 + UpdatesPerLicense);
            license.First().Should().BeOfType<LicenseIssued>();
        }

        await using var check = first.CreateAsyncScope();
        var recorded = (await check.ServiceProvider.GetRequiredService<ILicenseEventLog>().ListAsync(new LicenseEventQuery { Limit = 100, State = LicenseEventState.Pending })).Value!.Items;
        recorded.Should().BeEmpty();
    }

    private static License LicenseOf(LicenseEvent e) => e switch
    {
        LicenseIssued issued => issued.License,
        LicenseUpdated updated => updated.License,
        _ => throw new InvalidOperationException(e.GetType().Name),
    };

    private static ServiceProvider CreateHost(TestDatabase database, ILicenseEventHandler handler)
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        services.AddLicenseKit(o =>
            {
                o.BusinessId = BusinessId;
                o.KeyHashing.Secrets["test"] = StoreRecords.HashingSecret;
            })
            .UseEntityFrameworkCore<TestDbContext>()
            .AddEventHandler(handler);
        services.Configure<LicenseEventDeliveryOptions>(o => o.BatchSize = 5);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>
    /// Holds each host's first delivery until the other host has started delivering too (at most 30 s), so that "both
    /// dispatchers share the work" does not depend on which one the scheduler runs first: while one host holds its
    /// batch, the other can only claim events of other licenses. A host that never claims still fails the test.
    /// </summary>
    private sealed class SharingGate
    {
        private readonly TaskCompletionSource[] _started = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];

        public async Task ArriveAsync(int host, CancellationToken cancellationToken)
        {
            _started[host].TrySetResult();
            try
            {
                await _started[1 - host].Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (TimeoutException)
            {
                // The other host never delivered; the assertion on claimed counts reports it.
            }
        }
    }

    private sealed class HostHandler(DeliveryProbe probe, SharingGate gate, int host) : ILicenseEventHandler
    {
        public async Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
        {
            await gate.ArriveAsync(host, cancellationToken);
            await probe.HandleAsync(licenseEvent, cancellationToken);
        }
    }

    /// <summary>Records each delivery and counts any that starts while another delivery of the same event is running.</summary>
    private sealed class DeliveryProbe : ILicenseEventHandler
    {
        private readonly ConcurrentDictionary<string, byte> _inFlight = new();
        private readonly ConcurrentQueue<LicenseEvent> _delivered = new();
        private int _concurrentDuplicates;

        public IReadOnlyList<LicenseEvent> Delivered => [.. _delivered];

        public int ConcurrentDuplicates => _concurrentDuplicates;

        public async Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
        {
            if (!_inFlight.TryAdd(licenseEvent.EventId, 0))
            {
                Interlocked.Increment(ref _concurrentDuplicates);
            }

            await Task.Delay(2, cancellationToken); // hold the event a little, so an overlapping delivery would be seen
            _delivered.Enqueue(licenseEvent);
            _inFlight.TryRemove(licenseEvent.EventId, out _);
        }
    }
}
