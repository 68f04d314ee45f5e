using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests;

public sealed partial class LicenseClientTests
{
    [Test]
    public async Task Check_AfterRestartWithNoNetwork_IsLicensedFromDisk()
    {
        var folder = Directory.CreateTempSubdirectory("licensekit-client-");
        try
        {
            var license = await _server.IssueAsync();
            var path = Path.Combine(folder.FullName, "Acme.Editor", "license.json");
            using (var firstRun = _server.CreateClient("laptop", new FileLicenseTokenStorage(path)))
            {
                (await firstRun.ActivateAsync(license.Key)).Code.Should().Be(LicenseStateCode.Licensed);
            }

            _server.Time.Advance(TimeSpan.FromHours(5));
            var network = new NetworkSwitch { Mode = NetworkMode.Unplugged };
            var secondRun = Machine("laptop", new FileLicenseTokenStorage(path), network);

            var state = secondRun.Check();
            var requestsForCheck = network.Requests;
            var refreshed = await secondRun.RefreshAsync();

            state.Code.Should().Be(LicenseStateCode.Licensed);
            state.Claims!.LicenseId.Should().Be(license.Id);
            requestsForCheck.Should().Be(0);
            refreshed.Code.Should().Be(LicenseStateCode.LicensedOffline);
            refreshed.IsLicensed.Should().BeTrue();
            refreshed.ValidUntil.Should().Be(LicenseServer.Start + LicenseServer.TokenLifetime);
            secondRun.Check().Code.Should().Be(LicenseStateCode.LicensedOffline);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Check_OfflinePastTheTokenLifetime_GraceThenOfflineGraceEnded_UntilTheServerIsBack()
    {
        var license = await _server.IssueAsync();
        var network = new NetworkSwitch();
        var client = Machine("laptop", new InMemoryLicenseTokenStorage(), network);
        await client.ActivateAsync(license.Key);
        network.Mode = NetworkMode.Unplugged;
        var tokenExpiresAt = LicenseServer.Start + LicenseServer.TokenLifetime;

        _server.Time.Advance(TimeSpan.FromDays(4));
        var inGrace = await client.RefreshAsync();
        _server.Time.SetUtcNow(tokenExpiresAt + LicenseTokenVerifier.DefaultClockSkew - TimeSpan.FromMilliseconds(1));
        var lastMoment = client.Check();
        _server.Time.Advance(TimeSpan.FromMilliseconds(1));
        var afterGrace = client.Check();
        var refreshWhileDown = await client.RefreshAsync();
        network.Mode = NetworkMode.Connected;
        var back = await client.RefreshAsync();

        inGrace.Code.Should().Be(LicenseStateCode.LicensedOffline);
        inGrace.ValidUntil.Should().Be(tokenExpiresAt);
        lastMoment.Code.Should().Be(LicenseStateCode.LicensedOffline);
        afterGrace.Code.Should().Be(LicenseStateCode.OfflineGraceEnded);
        afterGrace.IsLicensed.Should().BeFalse();
        afterGrace.ValidUntil.Should().Be(tokenExpiresAt);
        afterGrace.Message.Should().NotBeNullOrEmpty();
        refreshWhileDown.Code.Should().Be(LicenseStateCode.OfflineGraceEnded);
        back.Code.Should().Be(LicenseStateCode.Licensed);
        back.ValidUntil.Should().Be(_server.Time.GetUtcNow() + LicenseServer.TokenLifetime);
    }

    [Test]
    public async Task Check_LicenseExpiresWhileOffline_IsExpired()
    {
        var license = await _server.IssueAsync(durationHours: 48);
        var client = Machine("laptop", new InMemoryLicenseTokenStorage(), new NetworkSwitch());
        var activated = await client.ActivateAsync(license.Key);

        _server.Time.Advance(TimeSpan.FromHours(49));
        var state = client.Check();

        activated.ValidUntil.Should().Be(license.ExpiresAt);
        state.Code.Should().Be(LicenseStateCode.Expired);
        state.ValidUntil.Should().Be(license.ExpiresAt);
    }

    [Test]
    public async Task Check_EightThreadsAtOnce_AllLicensed()
    {
        var license = await _server.IssueAsync();
        var client = Machine("laptop", new InMemoryLicenseTokenStorage());
        await client.ActivateAsync(license.Key);
        var licensed = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 8 * 250), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (_, _) =>
        {
            if (client.Check().Code == LicenseStateCode.Licensed)
            {
                Interlocked.Increment(ref licensed);
            }

            return ValueTask.CompletedTask;
        });

        licensed.Should().Be(2000);
    }

    [Test]
    public async Task Check_EightThreadsOnAFreshClient_LoadTheStoredLicenseOnce()
    {
        var license = await _server.IssueAsync();
        var storage = new CountingStorage();
        await Machine("laptop", storage).ActivateAsync(license.Key);
        var restarted = Machine("laptop", storage);
        var licensed = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (restarted.Check().IsLicensed)
                {
                    Interlocked.Increment(ref licensed);
                }
            }
        })));

        licensed.Should().Be(800);
        storage.Loads.Should().Be(1);
    }

    private sealed class CountingStorage : ILicenseTokenStorage
    {
        private readonly InMemoryLicenseTokenStorage _inner = new();
        private int _loads;

        public int Loads => Volatile.Read(ref _loads);

        public StoredLicenseToken? Load()
        {
            Interlocked.Increment(ref _loads);
            return _inner.Load();
        }

        public void Save(StoredLicenseToken token) => _inner.Save(token);

        public void Delete() => _inner.Delete();
    }
}
