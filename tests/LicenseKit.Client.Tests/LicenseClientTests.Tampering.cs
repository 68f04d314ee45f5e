using System.Security.Cryptography;
using LicenseKit.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Client.Tests;

public sealed partial class LicenseClientTests
{
    public enum FileDamage
    {
        PayloadCharacterChanged,
        SignatureCharacterChanged,
        Truncated,
        SignedWithAnotherKey,
        Garbage,
        Empty,
    }

    [TestCase(FileDamage.PayloadCharacterChanged, LicenseStateCode.TokenInvalid)]
    [TestCase(FileDamage.SignatureCharacterChanged, LicenseStateCode.TokenInvalid)]
    [TestCase(FileDamage.SignedWithAnotherKey, LicenseStateCode.TokenInvalid)]
    [TestCase(FileDamage.Truncated, LicenseStateCode.NotActivated)]
    [TestCase(FileDamage.Garbage, LicenseStateCode.NotActivated)]
    [TestCase(FileDamage.Empty, LicenseStateCode.NotActivated)]
    public async Task Check_DamagedLicenseFile_IsNoLicenseWithoutAnException(FileDamage damage, LicenseStateCode expected)
    {
        var folder = Directory.CreateTempSubdirectory("licensekit-client-");
        try
        {
            var license = await _server.IssueAsync();
            var path = Path.Combine(folder.FullName, "license.json");
            using (var firstRun = _server.CreateClient("laptop", new FileLicenseTokenStorage(path)))
            {
                await firstRun.ActivateAsync(license.Key);
            }

            await DamageAsync(path, damage, license);
            var client = Machine("laptop", new FileLicenseTokenStorage(path));

            var state = client.Check();
            var refreshed = await client.RefreshAsync();

            state.Code.Should().Be(expected);
            state.IsLicensed.Should().BeFalse();
            state.Claims.Should().BeNull();
            refreshed.IsLicensed.Should().BeFalse();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Check_TokenCopiedToAnotherMachine_IsWrongMachine()
    {
        var license = await _server.IssueAsync();
        var laptopStorage = new InMemoryLicenseTokenStorage();
        var activated = await Machine("laptop", laptopStorage).ActivateAsync(license.Key);
        var desktop = Machine("desktop", new InMemoryLicenseTokenStorage(laptopStorage.Load()));

        var state = desktop.Check();

        state.Code.Should().Be(LicenseStateCode.WrongMachine);
        state.IsLicensed.Should().BeFalse();
        state.Claims!.InstanceId.Should().Be(activated.Claims!.InstanceId);
    }

    [Test]
    public async Task Check_ClockSetBackPastTheLastCheck_IsClockSetBack_AndForwardAgainIsLicensed()
    {
        var license = await _server.IssueAsync();
        var clock = new AdjustableClock(_server.Time);
        var client = ClientWithClock("laptop", new InMemoryLicenseTokenStorage(), clock);
        await client.ActivateAsync(license.Key);
        _server.Time.Advance(TimeSpan.FromDays(2));
        var licensed = client.Check();

        clock.Offset = -(LicenseTokenVerifier.DefaultClockSkew + TimeSpan.FromMilliseconds(1));
        var setBack = client.Check();
        clock.Offset = -LicenseTokenVerifier.DefaultClockSkew;
        var withinSkew = client.Check();

        licensed.Code.Should().Be(LicenseStateCode.Licensed);
        setBack.Code.Should().Be(LicenseStateCode.ClockSetBack);
        setBack.IsLicensed.Should().BeFalse();
        withinSkew.Code.Should().Be(LicenseStateCode.Licensed);
    }

    [Test]
    public async Task Check_ClockSetBackBeforeARestart_IsClockSetBackFromTheStoredCheckpoint()
    {
        var license = await _server.IssueAsync();
        var storage = new InMemoryLicenseTokenStorage();
        var clock = new AdjustableClock(_server.Time);
        using (var firstRun = ClientWithClock("laptop", storage, clock))
        {
            await firstRun.ActivateAsync(license.Key);
            _server.Time.Advance(TimeSpan.FromDays(2));
            firstRun.Check().Code.Should().Be(LicenseStateCode.Licensed);
        }

        clock.Offset = -TimeSpan.FromDays(1);
        var state = ClientWithClock("laptop", storage, clock).Check();

        storage.Load()!.LastVerifiedAt.Should().Be(_server.Time.GetUtcNow());
        state.Code.Should().Be(LicenseStateCode.ClockSetBack);
    }

    [Test]
    public async Task Check_ClockBeforeTheTokenWasSigned_IsClockSetBack()
    {
        var license = await _server.IssueAsync();
        var storage = new InMemoryLicenseTokenStorage();
        await Machine("laptop", storage).ActivateAsync(license.Key);
        storage.Save(storage.Load()! with { LastVerifiedAt = DateTimeOffset.UnixEpoch });
        var clock = new AdjustableClock(_server.Time) { Offset = -TimeSpan.FromDays(30) };

        var state = ClientWithClock("laptop", storage, clock).Check();

        state.Code.Should().Be(LicenseStateCode.ClockSetBack);
    }

    private LicenseClient ClientWithClock(string machine, ILicenseTokenStorage storage, TimeProvider clock)
    {
        var options = _server.ClientOptions(machine, storage);
        options.TimeProvider = clock;
        return Track(new LicenseClient(options, new HttpClient(_server.CreateHandler())));
    }

    private async Task DamageAsync(string path, FileDamage damage, License license)
    {
        var stored = new FileLicenseTokenStorage(path).Load()!;
        var token = stored.Token;
        switch (damage)
        {
            case FileDamage.PayloadCharacterChanged:
                Save(Replace(token, token.IndexOf('.', StringComparison.Ordinal) + 10));
                break;
            case FileDamage.SignatureCharacterChanged:
                Save(Replace(token, token.Length - 10));
                break;
            case FileDamage.SignedWithAnotherKey:
                using (var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                using (var signingKey = LicenseSigningKey.FromECDsa(LicenseServer.KeyId, otherKey))
                {
                    var instance = (await _server.InstancesAsync(license.Id)).Single();
                    Save(await new LicenseTokenSigner(signingKey, LicenseServer.TokenLifetime, _server.Time).SignAsync(license, instance));
                }

                break;
            case FileDamage.Truncated:
                var bytes = await File.ReadAllBytesAsync(path);
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);
                break;
            case FileDamage.Garbage:
                await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(4096));
                break;
            default:
                await File.WriteAllBytesAsync(path, []);
                break;
        }

        void Save(string newToken) => new FileLicenseTokenStorage(path).Save(stored with { Token = newToken });
    }

    private static string Replace(string token, int index) =>
        string.Concat(token.AsSpan(0, index), token[index] == 'A' ? "B" : "A", token.AsSpan(index + 1));
}
