using LicenseKit.Stores;
using LicenseKit.Testing.NUnit;

namespace LicenseKit.Tests.Stores;

[TestFixture]
public sealed class InMemoryLicenseStoreConformanceTests : LicenseStoreConformanceTests
{
    // One store for the whole fixture, like one process: every test works in a business of its own.
    private readonly InMemoryLicenseStore _store = new();

    protected override ILicenseStore CreateStore() => _store;
}
