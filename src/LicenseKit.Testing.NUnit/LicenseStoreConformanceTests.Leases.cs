using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

// Floating seats: lapsed leases free their seats inside the atomic activation; renewals and removals never free a seat
// twice; the expiry of a license whose term starts at its first activation is set exactly once.
public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>The time the lease tests activate at.</summary>
    private static readonly DateTimeOffset LeaseStart = Epoch.AddDays(1);

    /// <summary>Builds an activation of <paramref name="license"/> at <paramref name="now"/> whose instance holds a lease until <paramref name="leaseExpiresAt"/>.</summary>
    /// <param name="license">The license to activate.</param>
    /// <param name="fingerprint">The device fingerprint, or <see langword="null"/>.</param>
    /// <param name="now">The time of the activation.</param>
    /// <param name="leaseExpiresAt">The end of the lease.</param>
    /// <returns>The activation.</returns>
    protected static InstanceActivation NewLeasedActivation(License license, string? fingerprint, DateTimeOffset now, DateTimeOffset leaseExpiresAt)
    {
        var activation = NewActivation(license, fingerprint, now);
        return activation with { Instance = activation.Instance with { LeaseExpiresAt = leaseExpiresAt } };
    }

    /// <summary>At its limit, an activation takes the seats of lapsed leases, removes those instances in the same step and reports them.</summary>
    [Test]
    public async Task ActivateAsync_AtLimitWithLapsedLeases_TakesOverTheirSeats()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var lapsing = new[]
        {
            (await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", LeaseStart, LeaseStart.AddMinutes(10)))).Instance!,
            (await CreateStore().ActivateAsync(NewLeasedActivation(license, "b", LeaseStart, LeaseStart.AddMinutes(10)))).Instance!,
        };
        var live = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "c", LeaseStart, LeaseStart.AddHours(1)))).Instance!;

        var result = await CreateStore().ActivateAsync(NewLeasedActivation(license, "d", LeaseStart.AddMinutes(20), LeaseStart.AddMinutes(30)));

        result.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        result.RemovedLapsedInstances.Select(i => i.Id).Should().BeEquivalentTo(lapsing.Select(i => i.Id));
        result.License!.InstancesCount.Should().Be(2);
        var instances = await CreateStore().ListInstancesAsync(BusinessId, license.Id);
        instances.Select(i => i.Id).Should().BeEquivalentTo([live.Id, result.Instance!.Id]);
        instances.Single(i => i.Id == live.Id).LeaseExpiresAt.Should().Be(LeaseStart.AddHours(1));
    }

    /// <summary>A lease counts until the instant it ends, and not from that instant on.</summary>
    [Test]
    public async Task ActivateAsync_LeaseEndsAtActivationTime_IsLapsed()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 1));
        var end = LeaseStart.AddMinutes(10);
        await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", LeaseStart, end));

        var before = await CreateStore().ActivateAsync(NewLeasedActivation(license, "b", end.AddMilliseconds(-1), end.AddMinutes(10)));
        var at = await CreateStore().ActivateAsync(NewLeasedActivation(license, "b", end, end.AddMinutes(10)));

        before.Outcome.Should().Be(InstanceActivationOutcome.LimitReached);
        at.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        at.License!.InstancesCount.Should().Be(1);
    }

    /// <summary>A device whose lease lapsed activates anew: a new instance, the lapsed one removed, one seat used.</summary>
    [Test]
    public async Task ActivateAsync_FingerprintOfLapsedInstance_ActivatesANewInstance()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        var lapsed = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "device", LeaseStart, LeaseStart.AddMinutes(1)))).Instance!;

        var result = await CreateStore().ActivateAsync(NewLeasedActivation(license, "device", LeaseStart.AddMinutes(2), LeaseStart.AddMinutes(12)));

        result.Outcome.Should().Be(InstanceActivationOutcome.Activated);
        result.Instance!.Id.Should().NotBe(lapsed.Id);
        result.RemovedLapsedInstances.Should().ContainSingle(i => i.Id == lapsed.Id);
        result.License!.InstancesCount.Should().Be(1);
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, null, "device"))!.Id.Should().Be(result.Instance.Id);
    }

    /// <summary>A device whose lease has not lapsed gets its instance back and uses no seat.</summary>
    [Test]
    public async Task ActivateAsync_FingerprintOfLiveLease_ReturnsExistingInstance()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        var first = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "device", LeaseStart, LeaseStart.AddMinutes(10)))).Instance!;

        var result = await CreateStore().ActivateAsync(NewLeasedActivation(license, "device", LeaseStart.AddMinutes(5), LeaseStart.AddMinutes(15)));

        result.Outcome.Should().Be(InstanceActivationOutcome.ExistingInstance);
        result.Instance.Should().Be(first);
        result.License!.InstancesCount.Should().Be(1);
    }

    /// <summary>Node-locked instances (no lease) hold their seats for good.</summary>
    [Test]
    public async Task ActivateAsync_NodeLockedAtLimit_NeverLapses()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 1));
        await CreateStore().ActivateAsync(NewActivation(license, "a", LeaseStart));

        var result = await CreateStore().ActivateAsync(NewLeasedActivation(license, "b", LeaseStart.AddYears(50), LeaseStart.AddYears(51)));

        result.Outcome.Should().Be(InstanceActivationOutcome.LimitReached);
        result.RemovedLapsedInstances.Should().BeEmpty();
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id)).Should().ContainSingle(i => i.LeaseExpiresAt == null);
    }

    /// <summary>A renewal before the lease ends moves its end and writes nothing to the license.</summary>
    [Test]
    public async Task RenewLeaseAsync_BeforeLeaseEnds_RenewsAndLeavesTheLicense()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var activated = await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", LeaseStart, LeaseStart.AddMinutes(10)));

        var result = await CreateStore().RenewLeaseAsync(new InstanceLeaseRenewal(BusinessId, license.Id, activated.Instance!.Id, LeaseStart.AddMinutes(19), LeaseStart.AddMinutes(9)));

        result.Outcome.Should().Be(InstanceLeaseRenewalOutcome.Renewed);
        result.Instance.Should().Be(activated.Instance with { LeaseExpiresAt = LeaseStart.AddMinutes(19) });
        result.License.Should().Be(activated.License);
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, activated.Instance.Id, null))!.LeaseExpiresAt.Should().Be(LeaseStart.AddMinutes(19));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.Version.Should().Be(activated.License!.Version);
    }

    /// <summary>A renewal after the lease ended, of a node-locked instance, of an unknown instance or in another business writes nothing and says why.</summary>
    [Test]
    public async Task RenewLeaseAsync_WhenItCannotRenew_ReportsWhy()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var leased = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", LeaseStart, LeaseStart.AddMinutes(10)))).Instance!;
        var locked = (await CreateStore().ActivateAsync(NewActivation(license, "b", LeaseStart))).Instance!;
        var later = LeaseStart.AddMinutes(10);
        InstanceLeaseRenewal Renewal(string instanceId, string? businessId = null) => new(businessId ?? BusinessId, license.Id, instanceId, later.AddMinutes(10), later);

        (await CreateStore().RenewLeaseAsync(Renewal(leased.Id))).Outcome.Should().Be(InstanceLeaseRenewalOutcome.LeaseExpired);
        (await CreateStore().RenewLeaseAsync(Renewal(locked.Id))).Outcome.Should().Be(InstanceLeaseRenewalOutcome.NotLeased);
        (await CreateStore().RenewLeaseAsync(Renewal("lki_unknown"))).Outcome.Should().Be(InstanceLeaseRenewalOutcome.InstanceNotFound);
        (await CreateStore().RenewLeaseAsync(Renewal(leased.Id, "biz_other"))).Outcome.Should().Be(InstanceLeaseRenewalOutcome.LicenseNotFound);
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, leased.Id, null))!.LeaseExpiresAt.Should().Be(LeaseStart.AddMinutes(10));
        (await CreateStore().FindInstanceAsync(BusinessId, license.Id, locked.Id, null))!.LeaseExpiresAt.Should().BeNull();
    }

    /// <summary>Removing a lapsed instance frees its seat once; one whose lease has not lapsed stays.</summary>
    [Test]
    public async Task DeactivateLapsedAsync_RemovesOnlyLapsedInstancesOnce()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var lapsed = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", LeaseStart, LeaseStart.AddMinutes(1)))).Instance!;
        var live = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "b", LeaseStart, LeaseStart.AddMinutes(10)))).Instance!;
        var now = LeaseStart.AddMinutes(5);

        var removed = await CreateStore().DeactivateLapsedAsync(BusinessId, license.Id, lapsed.Id, now);
        var again = await CreateStore().DeactivateLapsedAsync(BusinessId, license.Id, lapsed.Id, now);
        var kept = await CreateStore().DeactivateLapsedAsync(BusinessId, license.Id, live.Id, now);

        removed.Outcome.Should().Be(InstanceDeactivationOutcome.Deactivated);
        removed.Instance.Should().Be(lapsed);
        removed.License!.InstancesCount.Should().Be(1);
        again.Outcome.Should().Be(InstanceDeactivationOutcome.InstanceNotFound);
        kept.Outcome.Should().Be(InstanceDeactivationOutcome.LeaseNotLapsed);
        kept.License!.InstancesCount.Should().Be(1);
        (await CreateStore().ListInstancesAsync(BusinessId, license.Id)).Should().ContainSingle(i => i.Id == live.Id);
    }

    /// <summary>The lapsed instances of every license are listed longest lapsed first; live and node-locked ones are not.</summary>
    [Test]
    public async Task ListLapsedInstancesAsync_ListsLapsedOnesLongestLapsedFirst()
    {
        // Leases that ended long before any other test's, so this test's are the only ones at or before "now".
        var ancient = Epoch.AddYears(-20);
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        var later = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", ancient.AddDays(-1), ancient.AddMinutes(2)))).Instance!;
        var earlier = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "b", ancient.AddDays(-1), ancient.AddMinutes(1)))).Instance!;
        await CreateStore().ActivateAsync(NewLeasedActivation(license, "c", ancient.AddDays(-1), ancient.AddYears(100)));
        await CreateStore().ActivateAsync(NewActivation(license, "d", ancient.AddDays(-1)));

        var lapsed = await CreateStore().ListLapsedInstancesAsync(ancient.AddMinutes(3), 1000);

        lapsed.Where(i => i.BusinessId == BusinessId).Select(i => i.Id).Should().Equal(earlier.Id, later.Id);
        (await CreateStore().ListLapsedInstancesAsync(ancient.AddMinutes(3), 1)).Should().ContainSingle();
    }

    /// <summary>A lease that ends at the sweep's instant has lapsed for a sweeper as for an activation: it is listed and removed.</summary>
    [Test]
    public async Task ListLapsedInstancesAsync_AndDeactivateLapsedAsync_LeaseEndingAtNow_IsLapsed()
    {
        // Ends long before any other test's lease, so it is listed first.
        var end = Epoch.AddYears(-30);
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var ending = (await CreateStore().ActivateAsync(NewLeasedActivation(license, "a", end.AddDays(-1), end))).Instance!;

        var lapsed = await CreateStore().ListLapsedInstancesAsync(end, 1000);
        var removed = await CreateStore().DeactivateLapsedAsync(BusinessId, license.Id, ending.Id, end);

        lapsed.Where(i => i.BusinessId == BusinessId).Select(i => i.Id).Should().Equal(ending.Id);
        removed.Outcome.Should().Be(InstanceDeactivationOutcome.Deactivated);
        removed.License!.InstancesCount.Should().Be(0);
    }

    /// <summary>An activation of a license without expiry sets the expiry it carries; one with an expiry keeps it.</summary>
    [Test]
    public async Task ActivateAsync_ExpiryFromFirstActivation_SetOnlyWhileUnset()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        var expiry = LeaseStart.AddDays(365);

        var first = await CreateStore().ActivateAsync(NewActivation(license, "a", LeaseStart) with { ExpiresAtOnFirstActivation = expiry });
        var second = await CreateStore().ActivateAsync(NewActivation(license, "b", LeaseStart.AddDays(1)) with { ExpiresAtOnFirstActivation = expiry.AddDays(1) });

        first.License!.ExpiresAt.Should().Be(expiry);
        second.License!.ExpiresAt.Should().Be(expiry);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.ExpiresAt.Should().Be(expiry);
    }

    /// <summary>A refused activation does not start the license's term.</summary>
    [Test]
    public async Task ActivateAsync_RefusedFirstActivation_LeavesExpiryUnset()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 0));

        var result = await CreateStore().ActivateAsync(NewActivation(license, "a", LeaseStart) with { ExpiresAtOnFirstActivation = LeaseStart.AddDays(30) });

        result.Outcome.Should().Be(InstanceActivationOutcome.LimitReached);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.ExpiresAt.Should().BeNull();
    }
}
