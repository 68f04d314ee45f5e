using System.Globalization;
using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

/// <summary>
/// The <see cref="ILicenseStore"/> contract as NUnit tests. Derive a fixture from this class, implement
/// <see cref="CreateStore"/>, and the whole contract runs against your store: creation and its uniqueness rules,
/// business scoping, conditional updates, atomic activation and deactivation, listing and pagination, and races
/// with real parallelism that must yield exact counts.
/// </summary>
/// <remarks>
/// Every test works in a business of its own, so one database can serve the whole fixture without cleaning up
/// between tests. Licenses use fixed timestamps; no test sleeps or reads the clock.
/// </remarks>
public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>A fixed instant the tests build their timestamps from (millisecond precision, UTC).</summary>
    protected static readonly DateTimeOffset Epoch = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);

    private int _sequence;

    /// <summary>The business of the running test; unique per test.</summary>
    protected string BusinessId { get; private set; } = string.Empty;

    /// <summary>How many callers the race tests run at once. Lower it for a store with few connections.</summary>
    protected virtual int MaxDegreeOfParallelism => 32;

    /// <summary>
    /// Returns a store over the storage under test. The suite calls it once per logical caller and from every task
    /// of a race, so a store that is not thread-safe (one per unit of work, like an Entity Framework Core store) is
    /// fine; every store returned must see the same data. Release what you create in your own tear-down.
    /// </summary>
    /// <returns>A store.</returns>
    protected abstract ILicenseStore CreateStore();

    /// <summary>Gives each test a business of its own.</summary>
    [SetUp]
    public void StartConformanceTest()
    {
        BusinessId = "biz_" + Guid.NewGuid().ToString("N");
        _sequence = 0;
    }

    /// <summary>
    /// Builds a valid, not yet stored license of the running test's business with version 1, in the form a store receives
    /// it: the key hashed (<see cref="KeyHash"/>) and hinted, no plaintext.
    /// </summary>
    /// <param name="key">The key; a unique one when <see langword="null"/>.</param>
    /// <param name="activationsLimit">The activations limit.</param>
    /// <param name="createdAt">The creation time; later for each license built when <see langword="null"/>.</param>
    /// <returns>The license.</returns>
    protected License NewLicense(string? key = null, int? activationsLimit = null, DateTimeOffset? createdAt = null)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var created = createdAt ?? Epoch.AddSeconds(sequence);
        var normalizedKey = LicenseKeyNormalizer.Normalize(key ?? "CONF-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant());
        return new License
        {
            Id = PrefixedId.Create(PrefixedId.License),
            KeyHash = Hasher.Hash(normalizedKey),
            KeyHint = LicenseKeyHint.Of(normalizedKey),
            Status = LicenseStatus.Active,
            BusinessId = BusinessId,
            ProductId = "prod_conformance",
            CustomerId = "cust_conformance",
            ActivationsLimit = activationsLimit,
            CreatedAt = created,
            UpdatedAt = created,
            Version = 1,
        };
    }

    /// <summary>The hasher the suite's keys are hashed with: HMAC-SHA256 under a fixed test secret.</summary>
    protected static ILicenseKeyHasher Hasher { get; } = CreateHasher("conformance", 1);

    /// <summary>The hash a store is asked by for <paramref name="key"/> in any spelling the rules allow.</summary>
    /// <param name="key">The key as typed.</param>
    /// <returns>The hash under <see cref="Hasher"/>.</returns>
    protected static string KeyHash(string key) => Hasher.Hash(LicenseKeyNormalizer.Normalize(key));

    /// <summary>A hasher over one fixed secret (the same bytes for the same <paramref name="seed"/>).</summary>
    /// <param name="secretId">The secret's id.</param>
    /// <param name="seed">Fills the secret.</param>
    /// <returns>The hasher.</returns>
    protected static ILicenseKeyHasher CreateHasher(string secretId, byte seed)
    {
        var hashing = new LicenseKeyHashingOptions();
        hashing.Secrets[secretId] = Convert.ToBase64String(Enumerable.Repeat(seed, LicenseKeyHashingOptions.MinSecretBytes).ToArray());
        return new HmacLicenseKeyHasher(hashing);
    }

    /// <summary>Builds an activation of <paramref name="license"/> at <paramref name="now"/>.</summary>
    /// <param name="license">The license to activate.</param>
    /// <param name="fingerprint">The device fingerprint, or <see langword="null"/>.</param>
    /// <param name="now">The time of the activation; <see cref="Epoch"/> plus one day when <see langword="null"/>.</param>
    /// <returns>The activation.</returns>
    protected static InstanceActivation NewActivation(License license, string? fingerprint = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(license);
        var at = now ?? Epoch.AddDays(1);
        var instance = new LicenseInstance
        {
            Id = PrefixedId.Create(PrefixedId.Instance),
            BusinessId = license.BusinessId,
            LicenseId = license.Id,
            Name = fingerprint is null ? "machine" : "machine " + fingerprint,
            Fingerprint = fingerprint,
            CreatedAt = at,
        };
        return new InstanceActivation(license.BusinessId, license.Id, instance, at);
    }

    /// <summary>Stores <paramref name="license"/> and asserts it was created.</summary>
    /// <param name="license">The license.</param>
    /// <returns>The stored license.</returns>
    protected async Task<License> StoreAsync(License license)
    {
        var result = await CreateStore().CreateAsync(license, null);
        result.Outcome.Should().Be(LicenseCreateOutcome.Created);
        return license;
    }

    /// <summary>Runs <paramref name="count"/> calls with real parallelism, each on a store of its own, and returns their results in call order.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="count">The number of calls.</param>
    /// <param name="call">The call, given its index and a store.</param>
    /// <returns>The results.</returns>
    protected async Task<T[]> RaceAsync<T>(int count, Func<int, ILicenseStore, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var results = new T[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (index, _) =>
        {
            results[index] = await call(index, CreateStore());
        });
        return results;
    }

    private static string Fingerprint(int index) => "fp-" + index.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<T, int> CountBy<T>(IEnumerable<T> values)
        where T : notnull =>
        values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
}
