using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>
/// Keys at rest on a real database: a dump of every LicenseKit table holds no key and no idempotency key; keys are found
/// in every spelling the rules allow; keys issued under an older hashing secret are found and re-hashed in place.
/// </summary>
public abstract class KeysAtRestTests
{
    private static readonly (string, byte)[] OneSecret = [("s1", 1)];
    private TestDatabase? _database;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [SetUp]
    public async Task CreateDatabase() => _database = await CreateDatabaseAsync();

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task Dump_AfterIssuingGeneratedAndCustomKeys_HoldsNoKeyAndNoIdempotencyKey()
    {
        await using var host = KeysAtRestHost.Create(_database!, OneSecret);
        var secrets = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var idempotencyKey = "idem-" + Guid.NewGuid().ToString("N");
            var customKey = i % 2 == 0 ? null : "CUSTOM-ORDER-" + (40_000 + i).ToString(CultureInfo.InvariantCulture);
            var issued = await IssueAsync(host, customKey, idempotencyKey);
            issued.Succeeded.Should().BeTrue();
            secrets.Add(issued.Value!.Key);
            secrets.Add(idempotencyKey);

            // A retry, a conflicting reuse of the idempotency key and a duplicate custom key: the paths that hit unique indexes.
            (await IssueAsync(host, customKey, idempotencyKey)).Succeeded.Should().BeTrue();
            (await IssueAsync(host, "OTHER-KEY-" + Guid.NewGuid().ToString("N")[..8], idempotencyKey)).Error!.Code.Should().Be(LicenseErrorCodes.IdempotencyKeyConflict);
            if (customKey is not null)
            {
                (await IssueAsync(host, customKey.ToLowerInvariant(), null)).Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey);
            }

            await using var scope = host.CreateAsyncScope();
            (await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ActivateAsync(new ActivateLicenseRequest { LicenseKey = issued.Value.Key, Name = "pc", Fingerprint = "fp-" + i }))
                .Succeeded.Should().BeTrue();
        }

        var cells = await KeysAtRestHost.DumpAsync(_database!);

        cells.Should().NotBeEmpty();
        secrets.Where(s => KeysAtRestHost.Leaks(cells, s)).Should().BeEmpty("no column may hold a key or an idempotency key");
    }

    [Test]
    public async Task Lookups_InEverySpellingTheRulesAllow_FindTheLicense()
    {
        await using var host = KeysAtRestHost.Create(_database!, OneSecret);
        var key = (await IssueAsync(host, "ABCD-EFGH-1234-WXYZ", null)).Value!.Key;
        var fullWidth = string.Concat(key.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));

        await using var scope = host.CreateAsyncScope();
        var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
        foreach (var spelling in new[] { key, key.ToLowerInvariant(), "  " + key + "\r\n", "\t" + key.ToLowerInvariant(), fullWidth })
        {
            var result = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = spelling });
            result.Code.Should().Be(LicenseValidationCode.Valid, $"'{spelling}' normalizes to the key");
            result.License!.Key.Should().Be(key);
        }

        (await scope.ServiceProvider.GetRequiredService<ILicenseManager>().FindByKeyAsync(key.ToLowerInvariant())).Should().NotBeNull();
    }

    [Test]
    public async Task Rotation_KeysUnderAnOlderSecret_AreFoundKeptUniqueAndRehashedInPlace()
    {
        var protector = new ReversibleTestProtector();
        string custom, generated, notStored;
        await using (var before = KeysAtRestHost.Create(_database!, OneSecret, protector: protector))
        {
            custom = (await IssueAsync(before, "ROTATE-CUSTOM-0001", null)).Value!.Key;
            generated = (await IssueAsync(before, null, null)).Value!.Key;
        }

        await using (var withoutProtector = KeysAtRestHost.Create(_database!, OneSecret))
        {
            notStored = (await IssueAsync(withoutProtector, null, null)).Value!.Key;
        }

        await using (var rotated = KeysAtRestHost.Create(_database!, [("s1", 1), ("s2", 2)], currentSecretId: "s2", protector: protector))
        {
            foreach (var key in new[] { custom, generated, notStored })
            {
                (await ValidateAsync(rotated, key)).Should().Be(LicenseValidationCode.Valid, "a key stored under the older secret is found");
            }

            (await IssueAsync(rotated, "rotate-custom-0001", null)).Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey);

            await using var scope = rotated.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var result = await context.HashLicenseKeysAsync(scope.ServiceProvider.GetRequiredService<ILicenseKeyHasher>(), protector);
            var again = await context.HashLicenseKeysAsync(scope.ServiceProvider.GetRequiredService<ILicenseKeyHasher>(), protector);

            result.Should().BeEquivalentTo(new LicenseKeyHashingResult(0, 2, 0, 1, []));
            again.Should().BeEquivalentTo(new LicenseKeyHashingResult(0, 0, 0, 1, []));
        }

        await using var onlyNew = KeysAtRestHost.Create(_database!, [("s2", 2)], protector: protector);
        (await ValidateAsync(onlyNew, custom)).Should().Be(LicenseValidationCode.Valid, "re-hashed under the current secret");
        (await ValidateAsync(onlyNew, generated)).Should().Be(LicenseValidationCode.Valid);
        (await ValidateAsync(onlyNew, notStored)).Should().Be(LicenseValidationCode.NotFound, "its plaintext was never stored, so only the retired secret found it");
    }

    private static async Task<LicenseResult<License>> IssueAsync(ServiceProvider host, string? key, string? idempotencyKey)
    {
        await using var scope = host.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
            new IssueLicenseRequest { ProductId = "prod_keys", CustomerId = "cust_keys", ActivationsLimit = 5, Key = key, IdempotencyKey = idempotencyKey });
    }

    private static async Task<LicenseValidationCode> ValidateAsync(ServiceProvider host, string key)
    {
        await using var scope = host.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ILicenseActivator>().ValidateAsync(new ValidateLicenseRequest { LicenseKey = key })).Code;
    }
}

[TestFixture]
public sealed class SqliteKeysAtRestTests : KeysAtRestTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}

[TestFixture]
public sealed class PostgreSqlKeysAtRestTests : KeysAtRestTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
