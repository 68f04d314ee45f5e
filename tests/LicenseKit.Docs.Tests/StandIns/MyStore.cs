using LicenseKit.Stores;

/// <summary>Stands for the reader's own <see cref="ILicenseStore"/> (the marker names ForwardingLicenseStore with it).</summary>
public sealed class MyStore() : ForwardingLicenseStore(new InMemoryLicenseStore());
