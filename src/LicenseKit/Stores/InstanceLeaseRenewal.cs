namespace LicenseKit.Stores;

/// <summary>A heartbeat's renewal of a lease for <see cref="ILicenseStore.RenewLeaseAsync"/> to perform atomically.</summary>
/// <param name="BusinessId">The business.</param>
/// <param name="LicenseId">The license.</param>
/// <param name="InstanceId">The instance whose lease to renew.</param>
/// <param name="LeaseExpiresAt">The new end of the lease.</param>
/// <param name="Now">The time of the heartbeat: the lease must not have lapsed at it.</param>
public sealed record InstanceLeaseRenewal(string BusinessId, string LicenseId, string InstanceId, DateTimeOffset LeaseExpiresAt, DateTimeOffset Now);
