using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

// Floating seats under real parallelism: exact counts, and instances_count always equal to the stored instances.
public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>1,000 parallel floating activations of distinct devices against a limit of 25 yield exactly 25 instances.</summary>
    [Test]
    public async Task ActivateAsync_ParallelFloatingAgainstLimit_TakesExactlyTheLimit()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 25));

        var results = await RaceAsync(1000, (i, store) => store.ActivateAsync(NewLeasedActivation(license, Fingerprint(i), LeaseStart, LeaseStart.AddMinutes(10))));

        CountBy(results.Select(r => r.Outcome)).Should().BeEquivalentTo(new Dictionary<InstanceActivationOutcome, int>
        {
            [InstanceActivationOutcome.Activated] = 25,
            [InstanceActivationOutcome.LimitReached] = 975,
        });
        await AssertCountMatchesInstancesAsync(license, 25);
    }

    /// <summary>Once 10 of 25 leases lapse, 100 parallel activations take exactly those 10 seats.</summary>
    [Test]
    public async Task ActivateAsync_ParallelAfterTenLeasesLapse_TakesExactlyTen()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 25));
        var lapsing = await ActivateLeasesAsync(license, "lapsing", 10, LeaseStart.AddMinutes(1));
        var live = await ActivateLeasesAsync(license, "live", 15, LeaseStart.AddHours(1));
        var now = LeaseStart.AddMinutes(2);

        var results = await RaceAsync(100, (i, store) => store.ActivateAsync(NewLeasedActivation(license, Fingerprint(i), now, now.AddMinutes(10))));

        CountBy(results.Select(r => r.Outcome)).Should().BeEquivalentTo(new Dictionary<InstanceActivationOutcome, int>
        {
            [InstanceActivationOutcome.Activated] = 10,
            [InstanceActivationOutcome.LimitReached] = 90,
        });
        results.SelectMany(r => r.RemovedLapsedInstances).Select(i => i.Id).Should().BeEquivalentTo(lapsing);
        var instances = await AssertCountMatchesInstancesAsync(license, 25);
        instances.Select(i => i.Id).Should().Contain(live);
    }

    /// <summary>
    /// Renewals judged before their leases end keep every seat while 100 activations race for the seats of lapsed leases:
    /// the activations take exactly the lapsed seats.
    /// </summary>
    [Test]
    public async Task RenewLeaseAsync_RacingActivationsForLapsedSeats_KeepsEverySeat()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 25));
        await ActivateLeasesAsync(license, "lapsing", 10, LeaseStart.AddMinutes(1));
        var renewing = await ActivateLeasesAsync(license, "renewing", 15, LeaseStart.AddMinutes(2));
        var now = LeaseStart.AddMinutes(2).AddMilliseconds(-1);

        var results = await RaceAsync(115, async (i, store) => i < renewing.Length
            ? (object)(await store.RenewLeaseAsync(new InstanceLeaseRenewal(BusinessId, license.Id, renewing[i], now.AddMinutes(10), now))).Outcome
            : (await store.ActivateAsync(NewLeasedActivation(license, Fingerprint(i), now, now.AddMinutes(10)))).Outcome);

        results.Take(renewing.Length).Should().OnlyContain(o => (InstanceLeaseRenewalOutcome)o == InstanceLeaseRenewalOutcome.Renewed);
        CountBy(results.Skip(renewing.Length).Cast<InstanceActivationOutcome>()).Should().BeEquivalentTo(new Dictionary<InstanceActivationOutcome, int>
        {
            [InstanceActivationOutcome.Activated] = 10,
            [InstanceActivationOutcome.LimitReached] = 90,
        });
        var instances = await AssertCountMatchesInstancesAsync(license, 25);
        instances.Where(i => renewing.Contains(i.Id)).Should().HaveCount(15).And.OnlyContain(i => i.LeaseExpiresAt == now.AddMinutes(10));
    }

    /// <summary>
    /// Removals of lapsed instances racing each other and renewals free each seat at most once: every instance is either
    /// renewed (and stays) or removed exactly once, and the count equals the stored instances.
    /// </summary>
    [Test]
    public async Task DeactivateLapsedAsync_RacingRenewalsAndEachOther_NeverFreesASeatTwice()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 20));
        var end = LeaseStart.AddMinutes(1);
        var ids = await ActivateLeasesAsync(license, "seat", 20, end);

        // Per instance: one renewal judged just before its end, four removals judged at its end.
        var results = await RaceAsync(100, async (i, store) => i % 5 == 0
            ? (object)(await store.RenewLeaseAsync(new InstanceLeaseRenewal(BusinessId, license.Id, ids[i / 5], end.AddMinutes(10), end.AddMilliseconds(-1)))).Outcome
            : (await store.DeactivateLapsedAsync(BusinessId, license.Id, ids[i / 5], end)).Outcome);

        var instances = await AssertCountMatchesInstancesAsync(license, null);
        for (var seat = 0; seat < ids.Length; seat++)
        {
            var renewal = (InstanceLeaseRenewalOutcome)results[seat * 5];
            var removals = results.Skip((seat * 5) + 1).Take(4).Cast<InstanceDeactivationOutcome>().ToArray();
            if (renewal == InstanceLeaseRenewalOutcome.Renewed)
            {
                removals.Should().OnlyContain(o => o == InstanceDeactivationOutcome.LeaseNotLapsed);
                instances.Should().Contain(i => i.Id == ids[seat]);
            }
            else
            {
                renewal.Should().Be(InstanceLeaseRenewalOutcome.InstanceNotFound);
                removals.Count(o => o == InstanceDeactivationOutcome.Deactivated).Should().Be(1);
                instances.Should().NotContain(i => i.Id == ids[seat]);
            }
        }
    }

    /// <summary>100 parallel first activations of a license whose term starts then set its expiry exactly once.</summary>
    [Test]
    public async Task ActivateAsync_ParallelFirstActivations_SetExpiryExactlyOnce()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: null));

        var results = await RaceAsync(100, (i, store) => store.ActivateAsync(
            NewActivation(license, Fingerprint(i), LeaseStart.AddMilliseconds(i)) with { ExpiresAtOnFirstActivation = LeaseStart.AddDays(30).AddMilliseconds(i) }));

        results.Should().OnlyContain(r => r.Outcome == InstanceActivationOutcome.Activated);
        var expiries = results.Select(r => r.License!.ExpiresAt).Distinct().ToArray();
        expiries.Should().ContainSingle();
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.ExpiresAt.Should().Be(expiries[0]);
        Enumerable.Range(0, 100).Select(i => (DateTimeOffset?)LeaseStart.AddDays(30).AddMilliseconds(i)).Should().Contain(expiries[0]);
    }

    private async Task<string[]> ActivateLeasesAsync(License license, string prefix, int count, DateTimeOffset leaseExpiresAt)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var result = await CreateStore().ActivateAsync(NewLeasedActivation(license, prefix + "-" + i, LeaseStart, leaseExpiresAt));
            result.Outcome.Should().Be(InstanceActivationOutcome.Activated);
            ids[i] = result.Instance!.Id;
        }

        return ids;
    }

    private async Task<IReadOnlyList<LicenseInstance>> AssertCountMatchesInstancesAsync(License license, int? expected)
    {
        var stored = await CreateStore().FindByIdAsync(BusinessId, license.Id);
        var instances = await CreateStore().ListInstancesAsync(BusinessId, license.Id);
        stored!.InstancesCount.Should().Be(instances.Count, "instances_count must equal the stored instances");
        if (expected is { } count)
        {
            instances.Should().HaveCount(count);
        }

        return instances;
    }
}
