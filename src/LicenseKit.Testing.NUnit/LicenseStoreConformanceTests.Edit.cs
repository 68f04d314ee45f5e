using LicenseKit.Stores;

namespace LicenseKit.Testing.NUnit;

public abstract partial class LicenseStoreConformanceTests
{
    /// <summary>An edit writes what it changes, keeps what activations own, bumps the version and reports the state it edited.</summary>
    [Test]
    public async Task EditAsync_Change_ReturnsEditedAndPersists()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 2));
        var changed = license with
        {
            Status = LicenseStatus.Revoked,
            ActivationsLimit = 5,
            Metadata = new LicenseMetadata([new("plan", "team")]),
            ExpiresAt = Epoch.AddDays(30),
            UpdatedAt = Epoch.AddHours(1),
        };

        var result = await CreateStore().EditAsync(Edit(license, _ => changed, expectedVersion: 1));

        var expected = changed with { Version = 2 };
        result.Should().Be(new LicenseEditResult(LicenseEditOutcome.Edited, expected, license));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(expected);
    }

    /// <summary>An edit cannot change a license's identity, creation, instance count or version: the store keeps its own.</summary>
    [Test]
    public async Task EditAsync_ChangingWhatActivationsOwn_KeepsTheStoredValues()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 3));
        var activated = (await CreateStore().ActivateAsync(NewActivation(license, "device-1"))).License!;

        var result = await CreateStore().EditAsync(Edit(license, l => l with { InstancesCount = 0, Version = 99, CreatedAt = Epoch, ActivationMessage = "hi" }));

        result.License.Should().Be(activated with { ActivationMessage = "hi", Version = 3 });
    }

    /// <summary>Activations after the version an admin read do not make the admin's edit conflict (issue: If-Match vs activations).</summary>
    [Test]
    public async Task EditAsync_ExpectedVersionOlderOnlyByActivations_Lands()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        var first = await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        await CreateStore().ActivateAsync(NewActivation(license, "device-2"));
        var afterActivations = (await CreateStore().DeactivateAsync(BusinessId, license.Id, first.Instance!.Id, Epoch.AddDays(2))).License!;

        var result = await CreateStore().EditAsync(Edit(license, l => l with { ActivationMessage = "read at version 1" }, expectedVersion: 1));

        result.Outcome.Should().Be(LicenseEditOutcome.Edited);
        result.License.Should().Be(afterActivations with { ActivationMessage = "read at version 1", Version = 5 });
    }

    /// <summary>An edit after the version the caller read conflicts, and nothing is written.</summary>
    [Test]
    public async Task EditAsync_AnotherEditSinceExpectedVersion_ReturnsConflictWithStoredLicense()
    {
        var license = await StoreAsync(NewLicense());
        var first = (await CreateStore().EditAsync(Edit(license, l => l with { ProductId = "prod_first" }, expectedVersion: 1))).License!;

        var result = await CreateStore().EditAsync(Edit(license, l => l with { ProductId = "prod_second" }, expectedVersion: 1));

        result.Should().Be(new LicenseEditResult(LicenseEditOutcome.ConcurrencyConflict, first));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(first);
    }

    /// <summary>An expected version the license never had conflicts.</summary>
    [Test]
    public async Task EditAsync_ExpectedVersionAboveStored_ReturnsConflict()
    {
        var license = await StoreAsync(NewLicense());

        var result = await CreateStore().EditAsync(Edit(license, l => l with { ProductId = "prod_future" }, expectedVersion: 2));

        result.Should().Be(new LicenseEditResult(LicenseEditOutcome.ConcurrencyConflict, license));
    }

    /// <summary>A change the caller's rule refuses writes nothing and carries the rule's errors.</summary>
    [Test]
    public async Task EditAsync_ApplyRefuses_ReturnsRefusedWithoutWrite()
    {
        var license = await StoreAsync(NewLicense());
        var error = new LicenseError(LicenseErrorCodes.InvalidStatusTransition, "no", "status");

        var result = await CreateStore().EditAsync(new LicenseEdit(BusinessId, license.Id, _ => LicenseResult<License>.Failed(error)));

        result.Outcome.Should().Be(LicenseEditOutcome.Refused);
        result.Errors.Should().Equal(error);
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
    }

    /// <summary>A change that changes nothing writes nothing: the version stays.</summary>
    [Test]
    public async Task EditAsync_NoChange_ReturnsUnchangedWithoutWrite()
    {
        var license = await StoreAsync(NewLicense());

        var result = await CreateStore().EditAsync(Edit(license, l => l));

        result.Should().Be(new LicenseEditResult(LicenseEditOutcome.Unchanged, license));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id))!.Version.Should().Be(1);
    }

    /// <summary>Lowering the limit below the live instances is refused; down to the live count is allowed.</summary>
    [Test]
    public async Task EditAsync_LimitBelowLiveInstances_ReturnsLimitBelowInstancesWithoutWrite()
    {
        var license = await StoreAsync(NewLicense(activationsLimit: 5));
        await CreateStore().ActivateAsync(NewActivation(license, "device-1"));
        var two = (await CreateStore().ActivateAsync(NewActivation(license, "device-2"))).License!;

        var below = await CreateStore().EditAsync(Edit(license, l => l with { ActivationsLimit = 1 }));
        var atCount = await CreateStore().EditAsync(Edit(license, l => l with { ActivationsLimit = 2 }));

        below.Should().Be(new LicenseEditResult(LicenseEditOutcome.LimitBelowInstances, two, RequestedLimit: 1));
        atCount.License.Should().Be(two with { ActivationsLimit = 2, Version = 4 });
    }

    /// <summary>Editing an unknown license, or one of another business, reports not found.</summary>
    [Test]
    public async Task EditAsync_UnknownOrOtherBusiness_ReturnsNotFound()
    {
        var license = await StoreAsync(NewLicense());

        var unknown = await CreateStore().EditAsync(Edit(NewLicense(), l => l with { ProductId = "prod_x" }));
        var otherBusiness = await CreateStore().EditAsync(Edit(license, l => l with { ProductId = "prod_x" }) with { BusinessId = BusinessId + "_other" });

        unknown.Should().Be(new LicenseEditResult(LicenseEditOutcome.NotFound));
        otherBusiness.Should().Be(new LicenseEditResult(LicenseEditOutcome.NotFound));
        (await CreateStore().FindByIdAsync(BusinessId, license.Id)).Should().Be(license);
    }

    /// <summary>An edit of <paramref name="license"/> that applies <paramref name="change"/> to whatever is stored.</summary>
    /// <param name="license">The license to edit.</param>
    /// <param name="change">The change.</param>
    /// <param name="expectedVersion">The version the caller read, or <see langword="null"/>.</param>
    /// <returns>The edit.</returns>
    protected LicenseEdit Edit(License license, Func<License, License> change, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(license);
        return new LicenseEdit(BusinessId, license.Id, stored => LicenseResult<License>.Success(change(stored)), expectedVersion);
    }
}
