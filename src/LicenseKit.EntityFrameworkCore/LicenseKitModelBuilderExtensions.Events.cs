using LicenseKit;
using LicenseKit.EntityFrameworkCore.Internal;

namespace Microsoft.EntityFrameworkCore;

// The events table: an increasing sequence (the delivery order), the recording transaction's id (with the sequence, the
// feed's order), the event id unique, and the indexes the feed, the claim (oldest pending per license) and pruning read by.
public static partial class LicenseKitModelBuilderExtensions
{
    private static void UseLicenseKitEvents(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<LicenseEventEntity>(e =>
        {
            e.ToTable(EventsTable);
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            e.Property(r => r.TransactionId).HasColumnName("transaction_id");
            e.Property(r => r.Id).HasColumnName("id").HasMaxLength(LicenseLimits.MaxIdLength).IsRequired();
            e.Property(r => r.Type).HasColumnName("type").HasMaxLength(64);
            e.Property(r => r.BusinessId).HasColumnName("business_id").HasMaxLength(LicenseLimits.MaxIdLength);
            e.Property(r => r.LicenseId).HasColumnName("license_id").HasMaxLength(LicenseLimits.MaxIdLength);
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at");
            e.Property(r => r.Payload).HasColumnName("payload");
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.Attempts).HasColumnName("attempts");
            e.Property(r => r.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(r => r.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(256);
            e.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(LicenseLimits.MaxEventErrorLength);
            e.Property(r => r.DeliveredAt).HasColumnName("delivered_at");
            e.Property(r => r.DeliveredTargets).HasColumnName("delivered_targets");
            e.HasIndex(r => r.Id).IsUnique().HasDatabaseName("ux_licensekit_license_events_id");
            e.HasIndex(r => new { r.BusinessId, r.TransactionId, r.Sequence }).HasDatabaseName("ix_licensekit_license_events_business");
            e.HasIndex(r => new { r.State, r.Sequence }).HasDatabaseName("ix_licensekit_license_events_state");
            e.HasIndex(r => new { r.LicenseId, r.State, r.Sequence }).HasDatabaseName("ix_licensekit_license_events_license");
        });
}
