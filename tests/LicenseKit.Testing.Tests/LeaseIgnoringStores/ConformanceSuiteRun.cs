using LicenseKit.Stores;
using LicenseKit.Testing.NUnit;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>
/// The conformance suite over one given store, for a test to call its test methods directly. Generic so that NUnit does not
/// take it for a fixture of its own (it builds no fixture from an open generic type without arguments): its tests run only
/// when <see cref="WrongLeaseStoreTests"/> calls them.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
internal sealed class ConformanceSuiteRun<TStore>(TStore store) : LicenseStoreConformanceTests
    where TStore : ILicenseStore
{
    protected override ILicenseStore CreateStore() => store;
}
