using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    // Claims reach every business in the storage, so these tests claim far after the events of other tests and look at
    // their own business only; the lease keeps what they claim away from the tests that follow until long after.
    private static readonly DateTimeOffset ClaimTime = Epoch.AddYears(1);

    /// <summary>Returns the store of <see cref="CreateStore"/> as the recorded events' store; override when they differ.</summary>
    /// <returns>The event store.</returns>
    protected virtual ILicenseEventStore CreateEventStore() =>
        CreateStore() as ILicenseEventStore ?? throw new InvalidOperationException("The store does not implement ILicenseEventStore.");

    /// <summary>Each successful write records one pending event, in order, carrying what the write produced.</summary>
    [Test]
    public async Task Writes_RecordOneEventEach_InOrder()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var activation = NewActivation(license, "device-1");
        var activated = await CreateStore().ActivateAsync(activation);
        var edited = await CreateStore().EditAsync(new LicenseEdit(BusinessId, license.Id, l => LicenseResult<License>.Success(l with { Status = LicenseStatus.Disabled, UpdatedAt = Epoch.AddDays(2) })));
        var deactivated = await CreateStore().DeactivateAsync(BusinessId, license.Id, activation.Instance.Id, Epoch.AddDays(3));

        var events = await CreateEventStore().ListEventsAsync(BusinessId, default, 100);

        events.Select(e => e.Type).Should().Equal(LicenseEventTypes.Created, LicenseEventTypes.Activated, LicenseEventTypes.StatusChanged, LicenseEventTypes.Deactivated);
        events.Should().BeInAscendingOrder(e => e.Sequence).And.OnlyHaveUniqueItems(e => e.Id);
        events.Should().AllSatisfy(e =>
        {
            e.Sequence.Should().BePositive();
            e.Id.Should().StartWith("evt_");
            e.BusinessId.Should().Be(BusinessId);
            e.LicenseId.Should().Be(license.Id);
            e.State.Should().Be(LicenseEventState.Pending);
            e.Attempts.Should().Be(0);
            e.NextAttemptAt.Should().Be(e.OccurredAt);
        });
        events[0].ToEvent().Should().BeOfType<LicenseIssued>().Which.License.Should().Be(AsRecorded(license));
        events[1].ToEvent().Should().BeOfType<LicenseActivated>().Which.Should().Match<LicenseActivated>(e => e.License == AsRecorded(activated.License!) && e.Instance == activation.Instance);
        events[2].ToEvent().Should().BeOfType<LicenseStatusChanged>().Which.Should().Match<LicenseStatusChanged>(e => e.License == AsRecorded(edited.License!) && e.Previous == AsRecorded(activated.License!));
        events[3].ToEvent().Should().BeOfType<LicenseDeactivated>().Which.License.Should().Be(AsRecorded(deactivated.License!));
        events[3].OccurredAt.Should().Be(Epoch.AddDays(3));
    }

    /// <summary>A refused write records nothing: a duplicate, an unknown license, a refused activation or deactivation, an unchanged or refused edit.</summary>
    [Test]
    public async Task RefusedWrites_RecordNoEvent()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 1));
        var activation = NewActivation(license, "device-1");
        await CreateStore().ActivateAsync(activation);
        var before = await CreateEventStore().ListEventsAsync(BusinessId, default, 100);

        (await CreateStore().CreateAsync(NewLicense() with { KeyHash = license.KeyHash }, null)).Outcome.Should().Be(LicenseCreateOutcome.DuplicateKey);
        (await CreateStore().ActivateAsync(NewActivation(license, "device-1"))).Outcome.Should().Be(InstanceActivationOutcome.ExistingInstance);
        (await CreateStore().ActivateAsync(NewActivation(license, "device-2"))).Outcome.Should().Be(InstanceActivationOutcome.LimitReached);
        (await CreateStore().DeactivateAsync(BusinessId, license.Id, "lki_unknown", Epoch.AddDays(2))).Outcome.Should().Be(InstanceDeactivationOutcome.InstanceNotFound);
        (await CreateStore().EditAsync(new LicenseEdit(BusinessId, license.Id, LicenseResult<License>.Success))).Outcome.Should().Be(LicenseEditOutcome.Unchanged);
        (await CreateStore().EditAsync(new LicenseEdit(BusinessId, license.Id, l => LicenseResult<License>.Success(l with { ActivationsLimit = 0 })))).Outcome.Should().Be(LicenseEditOutcome.LimitBelowInstances);
        (await CreateStore().EditAsync(new LicenseEdit(BusinessId, "lic_unknown", LicenseResult<License>.Success))).Outcome.Should().Be(LicenseEditOutcome.NotFound);

        (await CreateEventStore().ListEventsAsync(BusinessId, default, 100)).Should().Equal(before);
    }

    /// <summary>Only the oldest pending event of a license is claimed; the claim leases it, and only its owner may mark it.</summary>
    [Test]
    public async Task ClaimEventsAsync_LeasesTheOldestDueEventPerLicense_AndOnlyTheOwnerMarksIt()
    {
        var license = await StoreAsync(NewLicense());
        await CreateStore().EditAsync(new LicenseEdit(BusinessId, license.Id, l => LicenseResult<License>.Success(l with { ActivationMessage = "m", UpdatedAt = Epoch.AddDays(1) })));
        var other = await StoreAsync(NewLicense());
        var store = CreateEventStore();
        var recorded = await store.ListEventsAsync(BusinessId, default, 100);

        var first = await ClaimMineAsync("owner-a", ClaimTime);
        var whileLeased = await ClaimMineAsync("owner-b", ClaimTime.AddSeconds(30));

        first.Select(e => e.Id).Should().Equal(recorded[0].Id, recorded[2].Id);
        first.Should().AllSatisfy(e => e.Should().Match<LicenseEventRecord>(r => r.LeaseOwner == "owner-a" && r.Attempts == 1 && r.NextAttemptAt == ClaimTime.AddMinutes(1)));
        whileLeased.Should().BeEmpty();
        (await store.MarkDeliveredAsync(recorded[0].Id, "owner-b", ClaimTime)).Should().BeFalse();
        (await store.MarkDeliveredAsync(recorded[0].Id, "owner-a", ClaimTime)).Should().BeTrue();

        var next = await ClaimMineAsync("owner-b", ClaimTime.AddSeconds(30));
        var afterLease = await ClaimMineAsync("owner-c", ClaimTime.AddMinutes(2));

        next.Select(e => e.Id).Should().Equal(recorded[1].Id);
        afterLease.Select(e => e.Id).Should().BeEquivalentTo([recorded[1].Id, recorded[2].Id]);
        afterLease.Should().AllSatisfy(e => e.Attempts.Should().Be(2));
        (await store.ListEventsAsync(BusinessId, default, 100, LicenseEventState.Delivered)).Should().ContainSingle()
            .Which.Should().Match<LicenseEventRecord>(e => e.Id == recorded[0].Id && e.DeliveredAt == ClaimTime && e.LeaseOwner == null);
        other.Id.Should().Be(recorded[2].LicenseId);
    }

    /// <summary>A batch is marked delivered at once, each event only while the caller holds its lease.</summary>
    [Test]
    public async Task MarkDeliveredAsync_Batch_MarksOnlyTheEventsTheOwnerHolds()
    {
        var licenses = new List<License>();
        for (var i = 0; i < 3; i++)
        {
            licenses.Add(await StoreAsync(NewLicense()));
        }

        var store = CreateEventStore();
        var mine = await ClaimMineAsync("owner-a", ClaimTime);
        var afterLease = await ClaimMineAsync("owner-b", ClaimTime.AddMinutes(2)); // owner-a's leases ran out: owner-b holds all three now
        mine.Should().HaveCount(3);
        afterLease.Should().HaveCount(3);

        (await store.MarkDeliveredAsync([mine[0].Id, mine[1].Id], "owner-a", ClaimTime)).Should().Be(0, "owner-a lost its leases");
        (await store.MarkDeliveredAsync([mine[0].Id, mine[1].Id, "evt_unknown"], "owner-b", ClaimTime.AddMinutes(3))).Should().Be(2);
        (await store.MarkDeliveredAsync([mine[0].Id], "owner-b", ClaimTime.AddMinutes(4))).Should().Be(0, "it is delivered already");

        var delivered = await store.ListEventsAsync(BusinessId, default, 100, LicenseEventState.Delivered);
        delivered.Select(e => e.Id).Should().BeEquivalentTo([mine[0].Id, mine[1].Id]);
        delivered.Should().AllSatisfy(e => e.Should().Match<LicenseEventRecord>(r => r.DeliveredAt == ClaimTime.AddMinutes(3) && r.LeaseOwner == null));
        (await store.ListEventsAsync(BusinessId, default, 100, LicenseEventState.Pending)).Should().ContainSingle().Which.Id.Should().Be(mine[2].Id);
        licenses.Select(l => l.Id).Should().BeEquivalentTo(mine.Select(e => e.LicenseId));
    }

    /// <summary>A failure schedules a retry or parks the event; a parked event holds nothing back and can be re-driven.</summary>
    [Test]
    public async Task MarkFailedAsync_RetriesOrParks_AndRedriveMakesItDueAgain()
    {
        var license = await StoreAsync(NewLicense());
        await CreateStore().EditAsync(new LicenseEdit(BusinessId, license.Id, l => LicenseResult<License>.Success(l with { ActivationMessage = "m", UpdatedAt = Epoch.AddDays(1) })));
        var store = CreateEventStore();
        var recorded = await store.ListEventsAsync(BusinessId, default, 100);

        await ClaimMineAsync("owner-a", ClaimTime);
        (await store.MarkFailedAsync(recorded[0].Id, "owner-a", "boom", ClaimTime.AddSeconds(10), LicenseEventTargets.Empty)).Should().BeTrue();
        (await ClaimMineAsync("owner-a", ClaimTime.AddSeconds(5))).Should().BeEmpty("the retry is not due and holds the later event back");
        var retried = await ClaimMineAsync("owner-a", ClaimTime.AddSeconds(10));
        retried.Should().ContainSingle().Which.Should().Match<LicenseEventRecord>(e => e.Id == recorded[0].Id && e.Attempts == 2 && e.LastError == "boom");
        (await store.MarkFailedAsync(recorded[0].Id, "owner-a", "boom again", null, LicenseEventTargets.Empty)).Should().BeTrue();

        var parked = (await store.ListEventsAsync(BusinessId, default, 100, LicenseEventState.Parked)).Should().ContainSingle().Subject;
        var later = await ClaimMineAsync("owner-a", ClaimTime.AddSeconds(20));
        var redriven = await store.RedriveEventAsync(BusinessId, parked.Id, ClaimTime.AddSeconds(30));
        var otherBusiness = await store.RedriveEventAsync(BusinessId + "_other", parked.Id, ClaimTime.AddSeconds(30));

        parked.Should().Match<LicenseEventRecord>(e => e.Id == recorded[0].Id && e.LastError == "boom again" && e.Attempts == 2);
        later.Select(e => e.Id).Should().Equal(recorded[1].Id);
        redriven.Should().Match<LicenseEventRecord>(e => e.State == LicenseEventState.Pending && e.Attempts == 0 && e.NextAttemptAt == ClaimTime.AddSeconds(30) && e.LastError == "boom again");
        otherBusiness.Should().BeNull();
        (await store.RedriveEventAsync(BusinessId, "evt_unknown", ClaimTime)).Should().BeNull();
    }

    /// <summary>Pruning deletes delivered events delivered before the cut-off, and nothing else.</summary>
    [Test]
    public async Task PruneEventsAsync_DeletesOnlyDeliveredEventsBeforeTheCutOff()
    {
        var delivered = await StoreAsync(NewLicense());
        var pending = await StoreAsync(NewLicense());
        var store = CreateEventStore();
        var recorded = await store.ListEventsAsync(BusinessId, default, 100);
        await ClaimMineAsync("owner-a", ClaimTime);
        await store.MarkDeliveredAsync(recorded[0].Id, "owner-a", ClaimTime);

        await store.PruneEventsAsync(ClaimTime, 100000);
        var kept = await store.ListEventsAsync(BusinessId, default, 100);
        await store.PruneEventsAsync(ClaimTime.AddMilliseconds(1), 100000);
        var pruned = await store.ListEventsAsync(BusinessId, default, 100);

        kept.Should().HaveCount(2);
        pruned.Should().ContainSingle().Which.LicenseId.Should().Be(pending.Id);
        delivered.Id.Should().Be(recorded[0].LicenseId);
    }

    /// <summary>The feed pages by sequence and sees one business only.</summary>
    [Test]
    public async Task ListEventsAsync_PagesAfterASequence_WithinTheBusiness()
    {
        for (var i = 0; i < 5; i++)
        {
            await StoreAsync(NewLicense());
        }

        var store = CreateEventStore();
        var all = await store.ListEventsAsync(BusinessId, default, 100);
        var page = await store.ListEventsAsync(BusinessId, all[1].Position, 2);

        all.Should().HaveCount(5);
        page.Should().Equal(all[2], all[3]);
        (await store.ListEventsAsync(BusinessId + "_other", default, 100)).Should().BeEmpty();
    }

    /// <summary>Dispatchers claiming at once never get the same event; together they get each exactly once.</summary>
    [Test]
    public async Task ClaimEventsAsync_Concurrently_ClaimsEachEventExactlyOnce()
    {
        const int Licenses = 40;
        for (var i = 0; i < Licenses; i++)
        {
            await StoreAsync(NewLicense());
        }

        var claims = await RaceAsync(8, async (index, _) =>
        {
            var mine = new List<string>();
            var store = CreateEventStore();
            while (true)
            {
                var claimed = await store.ClaimEventsAsync("owner-" + index, ClaimTime.AddDays(1), ClaimTime.AddDays(1).AddMinutes(1), 3);
                if (claimed.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(claimed.Where(e => e.BusinessId == BusinessId).Select(e => e.Id));
            }
        });

        var ids = claims.SelectMany(c => c).ToArray();
        ids.Should().HaveCount(Licenses).And.OnlyHaveUniqueItems();
    }

    private async Task<IReadOnlyList<LicenseEventRecord>> ClaimMineAsync(string owner, DateTimeOffset now)
    {
        var claimed = await CreateEventStore().ClaimEventsAsync(owner, now, now.AddMinutes(1), 100000);
        return [.. claimed.Where(e => e.BusinessId == BusinessId)];
    }
}
