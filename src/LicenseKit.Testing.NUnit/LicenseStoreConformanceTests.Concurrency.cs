using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

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
            [InstanceActivationOutcome.LimitReached] = 175,
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
        (await CreateStore().FindByKeyAsync(BusinessId, KeyHash(key))).Should().Be(winner);
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

    /// <summary>Racing edits against one expected version: exactly one wins, the others see a conflict.</summary>
    [Test]
    public async Task EditAsync_ParallelSameExpectedVersion_EditsExactlyOnce()
    {
        var license = await StoreAsync(NewLicense());

        var results = await RaceAsync(32, (i, store) =>
            store.EditAsync(Edit(license, l => l with { CustomerId = "cust_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, expectedVersion: 1)));

        var winner = results.Single(r => r.Outcome == LicenseEditOutcome.Edited).License;
        results.Where(r => r.Outcome == LicenseEditOutcome.ConcurrencyConflict).Should().HaveCount(31);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(winner);
        winner!.Version.Should().Be(2);
    }

    /// <summary>
    /// 300 activations race 30 edits without an expected version, some lowering the limit: no edit conflicts, each lands
    /// or is refused by the limit rule, the live instances never exceed the limit, and every write moved the version.
    /// </summary>
    [Test]
    public async Task EditAsync_RacingActivationsWithoutExpectedVersion_NeverConflicts()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 400));

        // Every eleventh call is an edit: 30 edits among 300 activations. Every third edit sets a limit that may lie below
        // the live count by the time it lands; the others add a metadata entry.
        var results = await RaceAsync(330, async (i, store) => i % 11 == 10
            ? ((InstanceActivationResult?)null, await store.EditAsync(Edit(license, l => (i / 11) % 3 == 0
                ? l with { ActivationsLimit = 100 + (i * 3) }
                : l with { Metadata = new LicenseMetadata([.. l.Metadata ?? new LicenseMetadata([]), new("edit-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "x")]) })))
            : (await store.ActivateAsync(NewActivation(license, Fingerprint(i))), (LicenseEditResult?)null));

        var edits = results.Select(r => r.Item2).OfType<LicenseEditResult>().ToList();
        var activations = results.Select(r => r.Item1).OfType<InstanceActivationResult>().ToList();
        edits.Should().HaveCount(30);
        edits.Should().OnlyContain(e => e.Outcome == LicenseEditOutcome.Edited || e.Outcome == LicenseEditOutcome.LimitBelowInstances);
        edits.Count(e => e.Outcome == LicenseEditOutcome.Edited && e.Previous!.ActivationsLimit == e.License!.ActivationsLimit).Should().Be(20);
        activations.Should().OnlyContain(a => a.Outcome == InstanceActivationOutcome.Activated || a.Outcome == InstanceActivationOutcome.LimitReached);
        var activated = activations.Count(a => a.Outcome == InstanceActivationOutcome.Activated);
        var stored = (await CreateStore().FindByIdAsync(BusinessId, license.Id))!;
        stored.InstancesCount.Should().Be(activated);
        stored.InstancesCount.Should().BeLessThanOrEqualTo(stored.ActivationsLimit!.Value);
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id)).Should().HaveCount(activated);
        stored.Metadata!.Count.Should().Be(20);
        stored.Version.Should().Be(1 + activated + edits.Count(e => e.Outcome == LicenseEditOutcome.Edited));
    }
}
