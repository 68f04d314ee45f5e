using LicenseKit.Stores;
using LicenseKit.Testing.NUnit;
using LicenseKit.Testing.Tests.LeaseIgnoringStores;

namespace LicenseKit.Testing.Tests;

/// <summary>
/// The conformance suite fails a store that ignores leases: each wrong store below gets one part of the lease contract
/// wrong, and the suite's lease tests named for it fail against it, while every lease test passes against the same
/// in-memory store decorated without a change.
/// </summary>
[TestFixture]
public sealed class WrongLeaseStoreTests
{
    // The suite's lease tests, by name.
    private static readonly Dictionary<string, Func<LicenseStoreConformanceTests, Task>> LeaseTests = new()
    {
        [nameof(LicenseStoreConformanceTests.ActivateAsync_AtLimitWithLapsedLeases_TakesOverTheirSeats)] = s => s.ActivateAsync_AtLimitWithLapsedLeases_TakesOverTheirSeats(),
        [nameof(LicenseStoreConformanceTests.ActivateAsync_LeaseEndsAtActivationTime_IsLapsed)] = s => s.ActivateAsync_LeaseEndsAtActivationTime_IsLapsed(),
        [nameof(LicenseStoreConformanceTests.ActivateAsync_FingerprintOfLapsedInstance_ActivatesANewInstance)] = s => s.ActivateAsync_FingerprintOfLapsedInstance_ActivatesANewInstance(),
        [nameof(LicenseStoreConformanceTests.ActivateAsync_FingerprintOfLiveLease_ReturnsExistingInstance)] = s => s.ActivateAsync_FingerprintOfLiveLease_ReturnsExistingInstance(),
        [nameof(LicenseStoreConformanceTests.ActivateAsync_NodeLockedAtLimit_NeverLapses)] = s => s.ActivateAsync_NodeLockedAtLimit_NeverLapses(),
        [nameof(LicenseStoreConformanceTests.RenewLeaseAsync_BeforeLeaseEnds_RenewsAndLeavesTheLicense)] = s => s.RenewLeaseAsync_BeforeLeaseEnds_RenewsAndLeavesTheLicense(),
        [nameof(LicenseStoreConformanceTests.RenewLeaseAsync_WhenItCannotRenew_ReportsWhy)] = s => s.RenewLeaseAsync_WhenItCannotRenew_ReportsWhy(),
        [nameof(LicenseStoreConformanceTests.DeactivateLapsedAsync_RemovesOnlyLapsedInstancesOnce)] = s => s.DeactivateLapsedAsync_RemovesOnlyLapsedInstancesOnce(),
        [nameof(LicenseStoreConformanceTests.ListLapsedInstancesAsync_ListsLapsedOnesLongestLapsedFirst)] = s => s.ListLapsedInstancesAsync_ListsLapsedOnesLongestLapsedFirst(),
        [nameof(LicenseStoreConformanceTests.ListLapsedInstancesAsync_AndDeactivateLapsedAsync_LeaseEndingAtNow_IsLapsed)] = s => s.ListLapsedInstancesAsync_AndDeactivateLapsedAsync_LeaseEndingAtNow_IsLapsed(),
        [nameof(LicenseStoreConformanceTests.ActivateAsync_ParallelFloatingAgainstLimit_TakesExactlyTheLimit)] = s => s.ActivateAsync_ParallelFloatingAgainstLimit_TakesExactlyTheLimit(),
        [nameof(LicenseStoreConformanceTests.ActivateAsync_ParallelAfterTenLeasesLapse_TakesExactlyTen)] = s => s.ActivateAsync_ParallelAfterTenLeasesLapse_TakesExactlyTen(),
        [nameof(LicenseStoreConformanceTests.RenewLeaseAsync_RacingActivationsForLapsedSeats_KeepsEverySeat)] = s => s.RenewLeaseAsync_RacingActivationsForLapsedSeats_KeepsEverySeat(),
        [nameof(LicenseStoreConformanceTests.DeactivateLapsedAsync_RacingRenewalsAndEachOther_NeverFreesASeatTwice)] = s => s.DeactivateLapsedAsync_RacingRenewalsAndEachOther_NeverFreesASeatTwice(),
    };

    // Each wrong store, and the lease tests that fail it whatever order a race runs in.
    private static readonly Dictionary<string, (Func<ILicenseStore, ILicenseStore> Wrap, string[] CaughtBy)> WrongStores = new()
    {
        [nameof(LeaseDroppingStore)] = (s => new LeaseDroppingStore(s),
        [
            nameof(LicenseStoreConformanceTests.ActivateAsync_AtLimitWithLapsedLeases_TakesOverTheirSeats),
            nameof(LicenseStoreConformanceTests.ActivateAsync_LeaseEndsAtActivationTime_IsLapsed),
            nameof(LicenseStoreConformanceTests.ActivateAsync_FingerprintOfLapsedInstance_ActivatesANewInstance),
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_BeforeLeaseEnds_RenewsAndLeavesTheLicense),
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_WhenItCannotRenew_ReportsWhy),
            nameof(LicenseStoreConformanceTests.DeactivateLapsedAsync_RemovesOnlyLapsedInstancesOnce),
            nameof(LicenseStoreConformanceTests.ListLapsedInstancesAsync_ListsLapsedOnesLongestLapsedFirst),
            nameof(LicenseStoreConformanceTests.ActivateAsync_ParallelAfterTenLeasesLapse_TakesExactlyTen),
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_RacingActivationsForLapsedSeats_KeepsEverySeat),
        ]),
        [nameof(LapsedCountingStore)] = (s => new LapsedCountingStore(s),
        [
            nameof(LicenseStoreConformanceTests.ActivateAsync_AtLimitWithLapsedLeases_TakesOverTheirSeats),
            nameof(LicenseStoreConformanceTests.ActivateAsync_LeaseEndsAtActivationTime_IsLapsed),
            nameof(LicenseStoreConformanceTests.ActivateAsync_FingerprintOfLapsedInstance_ActivatesANewInstance),
            nameof(LicenseStoreConformanceTests.ActivateAsync_ParallelAfterTenLeasesLapse_TakesExactlyTen),
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_RacingActivationsForLapsedSeats_KeepsEverySeat),
        ]),
        [nameof(UnreportedLapsesStore)] = (s => new UnreportedLapsesStore(s),
        [
            nameof(LicenseStoreConformanceTests.ActivateAsync_AtLimitWithLapsedLeases_TakesOverTheirSeats),
            nameof(LicenseStoreConformanceTests.ActivateAsync_FingerprintOfLapsedInstance_ActivatesANewInstance),
            nameof(LicenseStoreConformanceTests.ActivateAsync_ParallelAfterTenLeasesLapse_TakesExactlyTen),
        ]),
        [nameof(RenewalSkippingStore)] = (s => new RenewalSkippingStore(s),
        [
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_BeforeLeaseEnds_RenewsAndLeavesTheLicense),
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_RacingActivationsForLapsedSeats_KeepsEverySeat),
        ]),
        [nameof(LapsedRenewingStore)] = (s => new LapsedRenewingStore(s),
        [
            nameof(LicenseStoreConformanceTests.RenewLeaseAsync_WhenItCannotRenew_ReportsWhy),
        ]),
        [nameof(LiveSweepingStore)] = (s => new LiveSweepingStore(s),
        [
            nameof(LicenseStoreConformanceTests.DeactivateLapsedAsync_RemovesOnlyLapsedInstancesOnce),
        ]),
        [nameof(LiveListingStore)] = (s => new LiveListingStore(s),
        [
            nameof(LicenseStoreConformanceTests.ListLapsedInstancesAsync_ListsLapsedOnesLongestLapsedFirst),
        ]),
        [nameof(LeaseEndAsLiveSweepStore)] = (s => new LeaseEndAsLiveSweepStore(s),
        [
            nameof(LicenseStoreConformanceTests.ListLapsedInstancesAsync_AndDeactivateLapsedAsync_LeaseEndingAtNow_IsLapsed),
        ]),
    };

    public static IEnumerable<string> LeaseTestNames => LeaseTests.Keys;

    public static IEnumerable<TestCaseData> WrongStoreCases =>
        WrongStores.SelectMany(w => w.Value.CaughtBy.Select(test => new TestCaseData(w.Key, test)));

    [TestCaseSource(nameof(LeaseTestNames))]
    public async Task LeaseTest_PassesForTheInMemoryStore(string test) =>
        await RunAsync(new PassThroughStore(new InMemoryLicenseStore()), test);

    [TestCaseSource(nameof(WrongStoreCases))]
    public async Task LeaseTest_FailsForAStoreThatGetsLeasesWrong(string store, string test)
    {
        var run = () => RunAsync(WrongStores[store].Wrap(new InMemoryLicenseStore()), test);

        await run.Should().ThrowAsync<AssertionException>();
    }

    private static async Task RunAsync(ILicenseStore store, string test)
    {
        var suite = new ConformanceSuiteRun<ILicenseStore>(store);
        suite.StartConformanceTest();
        await LeaseTests[test](suite);
    }
}
