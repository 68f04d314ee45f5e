using LicenseKit.Stores;

namespace LicenseKit.Testing;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>200 parallel activations of distinct devices against a limit of 25 yield exactly 25 instances.</summary>
    [Test]
    public async Task ActivateAsync_ParallelAgainstLimit_NeverOverActivates()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 25));

        var results = await RaceAsync(200, (i, store) => store.ActivateAsync(NewActivation(license, Fingerprint(i))));

        var outcomes = CountBy(results.Select(r => r.Outcome));
        outcomes.Should().BeEquivalentTo(new Dictionary<InstanceActivationOutcome, int>
        {
            [InstanceActivationOutcome.Activated] = 25,
            [InstanceActivationOutcome.Rejected] = 175,
        });
        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(25);
        stored.Version.Should().Be(26);
        var instances = await CreateStore().ListInstancesAsync(BusinessId, license.Id);
        instances.Select(i => i.Id).Should().BeEquivalentTo(results.Where(r => r.Outcome == InstanceActivationOutcome.Activated).Select(r => r.Instance!.Id));
    }

    /// <summary>Parallel activations of one device yield one instance; every other call gets that instance back.</summary>
    [Test]
    public async Task ActivateAsync_ParallelSameFingerprint_ActivatesOnce()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));

        var results = await RaceAsync(48, (_, store) => store.ActivateAsync(NewActivation(license, "one-device")));

        var activated = results.Where(r => r.Outcome == InstanceActivationOutcome.Activated).ToList();
        activated.Should().HaveCount(1);
        results.Where(r => r.Outcome == InstanceActivationOutcome.ExistingInstance).Should().HaveCount(47)
            .And.OnlyContain(r => r.Instance == activated[0].Instance);
        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(1);
        stored.Version.Should().Be(2);
    }

    /// <summary>Parallel deactivations of one instance delete it once and decrement the count once.</summary>
    [Test]
    public async Task DeactivateAsync_ParallelSameInstance_DeactivatesOnce()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        await CreateStore().ActivateAsync(NewActivation(license, "keep"));
        var target = (await CreateStore().ActivateAsync(NewActivation(license, "target"))).Instance!;

        var results = await RaceAsync(32, (_, store) => store.DeactivateAsync(BusinessId, license.Id, target.Id, Epoch.AddDays(2)));

        CountBy(results.Select(r => r.Outcome)).Should().BeEquivalentTo(new Dictionary<InstanceDeactivationOutcome, int>
        {
            [InstanceDeactivationOutcome.Deactivated] = 1,
            [InstanceDeactivationOutcome.InstanceNotFound] = 31,
        });
        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(1);
        stored.Version.Should().Be(4);
    }

    /// <summary>64 parallel creates of one key yield exactly one license.</summary>
    [Test]
    public async Task CreateAsync_ParallelSameKey_CreatesExactlyOne()
    {
        var key = "RACE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var results = await RaceAsync(64, (_, store) => store.CreateAsync(NewLicense(key: key), null));

        CountBy(results.Select(r => r.Outcome)).Should().BeEquivalentTo(new Dictionary<LicenseCreateOutcome, int>
        {
            [LicenseCreateOutcome.Created] = 1,
            [LicenseCreateOutcome.DuplicateKey] = 63,
        });
        var winner = results.Single(r => r.Outcome == LicenseCreateOutcome.Created).License;
        (await CreateStore().FindByKeyAsync(BusinessId, key)).Should().Be(winner);
        (await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 100 })).Should().Equal(winner!);
    }

    /// <summary>64 parallel creates with one idempotency key yield one license, which every other call gets back.</summary>
    [Test]
    public async Task CreateAsync_ParallelSameIdempotencyKey_CreatesExactlyOne()
    {
        var idempotency = new LicenseIdempotency("idem-race", "hash-race");

        var results = await RaceAsync(64, (_, store) => store.CreateAsync(NewLicense(), idempotency));

        var winner = results.Single(r => r.Outcome == LicenseCreateOutcome.Created).License;
        results.Where(r => r.Outcome == LicenseCreateOutcome.IdempotencyKeyExists).Should().HaveCount(63)
            .And.OnlyContain(r => r.License == winner && r.ExistingRequestHash == "hash-race");
        (await CreateStore().ListAsync(BusinessId, new LicenseKeysetQuery { Limit = 100 })).Should().Equal(winner!);
    }

    /// <summary>Racing updates against one expected version: exactly one wins, the others see a conflict.</summary>
    [Test]
    public async Task UpdateAsync_ParallelSameExpectedVersion_UpdatesExactlyOnce()
    {
        var license = await StoreAsync(NewLicense());

        var results = await RaceAsync(32, (i, store) =>
            store.UpdateAsync(license with { CustomerId = "cust_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Version = 2 }, 1));

        var winner = results.Single(r => r.Outcome == LicenseEditOutcome.Updated).License;
        results.Where(r => r.Outcome == LicenseEditOutcome.ConcurrencyConflict).Should().HaveCount(31);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(winner);
        winner!.Version.Should().Be(2);
    }
}
