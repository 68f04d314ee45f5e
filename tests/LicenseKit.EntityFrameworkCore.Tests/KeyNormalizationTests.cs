using LicenseKit.Stores;
using Microsoft.EntityFrameworkCore;

namespace LicenseKit.EntityFrameworkCore.Tests;

/// <summary>
/// The upgrade step for normalized keys stored before NFKC folding, on a real database: rows written with the old
/// normalization are found after it, and a full-width twin of another key is reported instead of failing.
/// </summary>
public abstract class KeyNormalizationTests
{
    private TestDatabase? _database;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await CreateDatabaseAsync();

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task RenormalizeLicenseKeysAsync_RowsNormalizedTheOldWay_AreFoundAfterwards()
    {
        const string businessId = "biz_renormalize";
        var fullWidth = StoreRecords.NewLicense(businessId, "ＲＮ０－", activationsLimit: 1) with { Key = "ＲＮ０Ｚ－ＦＵＬＬ－" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() };
        var lowerCase = StoreRecords.NewLicense(businessId, "rn-lower-", activationsLimit: 1);
        var twin = StoreRecords.NewLicense(businessId, "RNTWIN-", activationsLimit: 1);
        var twinFullWidth = StoreRecords.NewLicense(businessId, "ZZ-", activationsLimit: 1);
        var twinKey = string.Concat(twin.Key.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
        await using (var context = _database!.CreateContext())
        {
            var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
            foreach (var license in new[] { fullWidth, lowerCase, twin, twinFullWidth })
            {
                (await store.CreateAsync(license, null)).Outcome.Should().Be(LicenseCreateOutcome.Created);
            }

            // What 0.1 stored: trimmed and upper-cased only, with no compatibility folding; and a full-width twin of a key.
            await SetNormalizedKeyAsync(context, fullWidth.Id, fullWidth.Key, fullWidth.Key.ToUpperInvariant());
            await SetNormalizedKeyAsync(context, lowerCase.Id, lowerCase.Key, lowerCase.Key);
            await SetNormalizedKeyAsync(context, twinFullWidth.Id, twinKey, twinKey);
        }

        await using (var context = _database.CreateContext())
        {
            var store = new EntityFrameworkCoreLicenseStore<TestDbContext>(context);
            (await store.FindByKeyAsync(businessId, LicenseKeyNormalizer.Normalize(fullWidth.Key))).Should().BeNull("the row holds the old normalization");

            var result = await context.RenormalizeLicenseKeysAsync();
            var again = await context.RenormalizeLicenseKeysAsync();

            result.UpdatedCount.Should().Be(2);
            result.ConflictingLicenseIds.Should().Equal(twinFullWidth.Id);
            again.Should().BeEquivalentTo(new LicenseKeyNormalizationResult(0, [twinFullWidth.Id]));
            (await store.FindByKeyAsync(businessId, LicenseKeyNormalizer.Normalize(fullWidth.Key)))!.Id.Should().Be(fullWidth.Id);
            (await store.FindByKeyAsync(businessId, LicenseKeyNormalizer.Normalize("RN0Z-FULL-" + fullWidth.Key[^6..])))!.Id.Should().Be(fullWidth.Id);
            (await store.FindByKeyAsync(businessId, LicenseKeyNormalizer.Normalize(lowerCase.Key)))!.Id.Should().Be(lowerCase.Id);
            (await store.FindByKeyAsync(businessId, LicenseKeyNormalizer.Normalize(twinKey)))!.Id.Should().Be(twin.Id);
        }
    }

    private static Task<int> SetNormalizedKeyAsync(TestDbContext context, string id, string key, string normalizedKey) =>
        context.Database.ExecuteSqlAsync($"UPDATE licensekit_licenses SET key = {key}, normalized_key = {normalizedKey} WHERE id = {id}");
}

[TestFixture]
public sealed class SqliteKeyNormalizationTests : KeyNormalizationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}

[TestFixture]
public sealed class PostgreSqlKeyNormalizationTests : KeyNormalizationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync();
}
