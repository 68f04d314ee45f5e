using LicenseKit.Stores;

namespace LicenseKit.Testing.Tests.LeaseIgnoringStores;

/// <summary>Changes nothing: the control, which must pass every test the wrong stores fail.</summary>
internal sealed class PassThroughStore(ILicenseStore inner) : DecoratingLicenseStore(inner);
