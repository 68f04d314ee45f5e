using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class LeaseSweeperServiceTests
{
    [Test]
    public async Task HostedSweeper_OnItsTimer_RemovesALapsedSeatAndRecordsItsDeactivation()
    {
        await using var api = await StartAsync(services => services.AddLicenseKit()
            .AddLeaseSweeper(o => o.Interval = TimeSpan.FromMinutes(1))
            .Services.Configure<LicenseKitOptions>(o => o.Products["prod_float"] = new LicensePolicyOptions { SeatMode = LicenseSeatMode.Floating, LeaseDuration = TimeSpan.FromMinutes(15) }));
        var license = await (await api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_float","customer_id":"c","activations_limit":1}"""))).ReadJsonAsync();
        var licenseId = license.GetProperty("id").GetString()!;
        var instance = await (await api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{license.GetProperty("key").GetString()}}","name":"agent"}"""))).ReadJsonAsync();

        // Each minute of the fake clock is one tick of the sweeper's timer; the lease lapses at the fifteenth. The sweep
        // itself runs on the host's background loop, so wait for its write (bounded) rather than for a duration.
        api.Time.Advance(TimeSpan.FromMinutes(16));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await api.Store.FindByIdAsync(BusinessA, licenseId))!.InstancesCount != 0 && DateTime.UtcNow < deadline)
        {
            api.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }

        (await api.Store.FindByIdAsync(BusinessA, licenseId))!.InstancesCount.Should().Be(0);
        var deactivated = (await api.Store.ListEventsAsync(BusinessA, default, 100)).Select(r => r.ToEvent()).OfType<LicenseDeactivated>().Should().ContainSingle().Subject;
        deactivated.Instance.Id.Should().Be(instance.GetProperty("id").GetString());
        deactivated.Reason.Should().Be(LicenseDeactivationReason.LeaseExpired);
    }

    [Test]
    public async Task AddLeaseSweeper_WithAnIntervalUnderOneSecond_StopsTheHostNamingIt()
    {
        var start = () => StartAsync(services => services.AddLicenseKit().AddLeaseSweeper(o => o.Interval = TimeSpan.Zero));

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("LicenseLeaseSweeperOptions.Interval must be at least 1 second");
    }
}
