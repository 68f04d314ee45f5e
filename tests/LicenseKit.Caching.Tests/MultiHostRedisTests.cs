using System.Diagnostics;
using System.Globalization;
using LicenseKit.Stores;
using LicenseKit.Testing;

namespace LicenseKit.Caching.Tests;

/// <summary>
/// Two hosts (two service providers) sharing one store and a real Redis server: a write on one is seen by the other
/// through the backplane, long before the entry would expire, and a host that cannot reach Redis still answers right.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MultiHostRedisTests
{
    // Long enough that only the backplane can explain a refusal within RefusalDeadline.
    private static readonly TimeSpan LongDuration = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RefusalDeadline = TimeSpan.FromSeconds(2);
    private const int Trials = 50;

    [Test]
    public async Task Revoke_OnHostA_IsRefusedOnHostB_ThroughTheBackplane()
    {
        var redis = RedisServer.RequireConfiguration();
        var store = new InMemoryLicenseStore();
        var channel = "LicenseKitTest" + Guid.NewGuid().ToString("N");
        await using var hostA = CachedHosts.Create(store, o => Configure(o, redis, channel, LongDuration));
        await using var hostB = CachedHosts.Create(store, o => Configure(o, redis, channel, LongDuration));

        // Both hosts subscribe in the background; wait until an eviction crosses before measuring.
        await WarmUpAsync(hostA, hostB);

        var samples = new List<double>(Trials);
        for (var trial = 0; trial < Trials; trial++)
        {
            samples.Add((await RevokeToRefusalAsync(hostA, hostB, RefusalDeadline)).TotalMilliseconds);
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        var max = samples[^1];
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"revoke-to-refusal across two hosts over {Trials} trials: median {median:F2} ms, p90 {samples[samples.Count * 9 / 10]:F2} ms, max {max:F2} ms"));
        max.Should().BeLessThan(RefusalDeadline.TotalMilliseconds);
    }

    [Test]
    public async Task Disable_AndEnable_OnHostA_AreSeenOnHostB()
    {
        var redis = RedisServer.RequireConfiguration();
        var store = new InMemoryLicenseStore();
        var channel = "LicenseKitTest" + Guid.NewGuid().ToString("N");
        await using var hostA = CachedHosts.Create(store, o => Configure(o, redis, channel, LongDuration));
        await using var hostB = CachedHosts.Create(store, o => Configure(o, redis, channel, LongDuration));
        await WarmUpAsync(hostA, hostB);
        var license = await hostA.IssueAsync();
        (await hostB.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);

        await hostA.Manager.DisableAsync(license.Id);
        (await WaitForAsync(hostB, license.Key, LicenseValidationCode.Disabled, RefusalDeadline)).Should().BeTrue();
        await hostA.Manager.EnableAsync(license.Id);

        (await WaitForAsync(hostB, license.Key, LicenseValidationCode.Valid, RefusalDeadline)).Should().BeTrue();
    }

    [Test]
    public async Task RedisDown_ValidationAndWrites_StayCorrectOnTheWritingHost()
    {
        await using var host = CachedHosts.Create(configure: o => Configure(o, RedisServer.Unreachable(), "LicenseKitDown", LongDuration));
        var license = await host.IssueAsync();
        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);
        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);

        (await host.Manager.RevokeAsync(license.Id)).Succeeded.Should().BeTrue();

        (await host.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Revoked);
        (await host.ValidateAsync("NO-SUCH-KEY")).Code.Should().Be(LicenseValidationCode.NotFound);
    }

    [Test]
    public async Task RedisDown_RevokeOnHostA_IsRefusedOnHostB_OnceTheEntryExpires()
    {
        var duration = TimeSpan.FromSeconds(1);
        var redis = RedisServer.Unreachable();
        var store = new InMemoryLicenseStore();
        await using var hostA = CachedHosts.Create(store, o => Configure(o, redis, "LicenseKitDown", duration));
        await using var hostB = CachedHosts.Create(store, o => Configure(o, redis, "LicenseKitDown", duration));
        var license = await hostA.IssueAsync();
        (await hostB.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);

        var elapsed = await RevokeToRefusalAsync(hostA, hostB, license, duration + TimeSpan.FromSeconds(5));

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"with Redis down, refused on host B after {elapsed.TotalMilliseconds:F0} ms (Duration {duration.TotalMilliseconds:F0} ms)"));
    }

    private static void Configure(LicenseCacheOptions options, string redis, string channel, TimeSpan duration)
    {
        options.RedisConfiguration = redis;
        options.CacheName = channel;
        options.Duration = duration;
    }

    private static async Task WarmUpAsync(LicenseKitTestHost hostA, LicenseKitTestHost hostB)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var license = await hostA.IssueAsync();
            (await hostB.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);
            await hostA.Manager.RevokeAsync(license.Id);
            if (await WaitForAsync(hostB, license.Key, LicenseValidationCode.Revoked, TimeSpan.FromSeconds(1)))
            {
                return;
            }
        }

        Assert.Fail("No eviction crossed from host A to host B through Redis within 20 seconds.");
    }

    private static async Task<TimeSpan> RevokeToRefusalAsync(LicenseKitTestHost hostA, LicenseKitTestHost hostB, TimeSpan deadline)
    {
        var license = await hostA.IssueAsync();
        (await hostB.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);
        (await hostB.ValidateAsync(license.Key)).Code.Should().Be(LicenseValidationCode.Valid);
        return await RevokeToRefusalAsync(hostA, hostB, license, deadline);
    }

    // From the start of the revoke on host A to the first refusal on host B.
    private static async Task<TimeSpan> RevokeToRefusalAsync(LicenseKitTestHost hostA, LicenseKitTestHost hostB, License license, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        (await hostA.Manager.RevokeAsync(license.Id)).Succeeded.Should().BeTrue();
        (await WaitForAsync(hostB, license.Key, LicenseValidationCode.Revoked, deadline)).Should().BeTrue($"host B must refuse within {deadline}");
        return clock.Elapsed;
    }

    private static async Task<bool> WaitForAsync(LicenseKitTestHost host, string key, LicenseValidationCode expected, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if ((await host.ValidateAsync(key)).Code == expected)
            {
                return true;
            }

            await Task.Delay(1);
        }

        return false;
    }
}
