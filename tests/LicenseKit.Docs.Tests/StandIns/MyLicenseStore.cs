using LicenseKit.Stores;

/// <summary>Stands for the reader's own <see cref="ILicenseStore"/> over <see cref="MyDatabase"/> (the marker
/// names ForwardingLicenseStore with it).</summary>
public sealed class MyLicenseStore(MyDatabase database) : ForwardingLicenseStore(database.Rows);
