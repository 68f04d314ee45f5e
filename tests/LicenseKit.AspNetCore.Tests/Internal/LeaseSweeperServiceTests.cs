using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class LeaseSweeperServiceTests
{
    [Test]
    public async Task HostedSweeper_OnItsTimer_RemovesALapsedSeatAndRaisesLicenseDeactivated()
    {
        var removed = new TaskCompletionSource<LicenseDeactivated>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await StartAsync(services => services.AddLicenseKit()
            .AddLeaseSweeper(o => o.Interval = TimeSpan.FromMinutes(1))
            .AddEventHandler(new DeactivationSignal(removed))
            .Services.Configure<LicenseKitOptions>(o => o.Products["prod_float"] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = TimeSpan.FromMinutes(15) }));
        var license = await (await api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_float","customer_id":"c","activations_limit":1}"""))).ReadJsonAsync();
        var instance = await (await api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.GetProperty("key").GetString()}}","name":"agent"}"""))).ReadJsonAsync();

        // Each minute of the fake clock is one tick of the sweeper's timer; the lease lapses at the fifteenth.
        for (var minute = 0; minute < 16 && !removed.Task.IsCompleted; minute++)
        {
            api.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var deactivated = await removed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        deactivated.Instance.Id.Should().Be(instance.GetProperty("id").GetString());
        deactivated.Reason.Should().Be(LicenseDeactivationReason.LeaseExpired);
        (await api.Store.FindByIdAsync(BusinessA, license.GetProperty("id").GetString()!))!.InstancesCount.Should().Be(0);
    }

    [Test]
    public async Task AddLeaseSweeper_WithAnIntervalUnderOneSecond_StopsTheHostNamingIt()
    {
        var start = () => StartAsync(services => services.AddLicenseKit().AddLeaseSweeper(o => o.Interval = TimeSpan.Zero));

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("LicenseLeaseSweeperOptions.Interval must be at least 1 second");
    }

    private sealed class DeactivationSignal(TaskCompletionSource<LicenseDeactivated> signal) : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
        {
            if (licenseEvent is LicenseDeactivated deactivated)
            {
                signal.TrySetResult(deactivated);
            }

            return Task.CompletedTask;
        }
    }
}
