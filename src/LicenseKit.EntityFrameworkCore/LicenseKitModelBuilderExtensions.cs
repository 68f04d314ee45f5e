using LicenseKit;
using LicenseKit.EntityFrameworkCore.Internal;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Opts a host's <see cref="DbContext"/> in to the LicenseKit tables.</summary>
public static partial class LicenseKitModelBuilderExtensions
{
    /// <summary>The table of licenses.</summary>
    public const string LicensesTable = "licensekit_licenses";

    /// <summary>The table of live activation instances.</summary>
    public const string InstancesTable = "licensekit_license_instances";

    /// <summary>The table of idempotency records of license creation.</summary>
    public const string IdempotencyTable = "licensekit_idempotency";

    /// <summary>The table of events recorded with each write, until delivered and pruned.</summary>
    public const string EventsTable = "licensekit_license_events";

    // A hash is "secret-id:" (at most 33 characters) and 43 of base64url; room to spare for a host's own hasher.
    private const int KeyHashMaxLength = 128;

    // Data Protection adds about 60 bytes and base64url a third to a key of at most 128 characters.
    private const int ProtectedKeyMaxLength = 1024;

    /// <summary>
    /// Adds the LicenseKit entities to the model: licenses, activation instances and idempotency records, with their
    /// unique indexes (key hash per business, idempotency key hash per business, fingerprint per license), the
    /// indexes that serve every list filter in page order, the license version as concurrency token and the version of its last edit. Call it from <c>OnModelCreating</c>; create the tables with the host's
    /// migrations.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder UseLicenseKit(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<LicenseEntity>(license =>
        {
            license.ToTable(LicensesTable);
            license.HasKey(l => l.Id);
            license.Property(l => l.Id).HasColumnName("id").HasMaxLength(LicenseLimits.MaxIdLength).ValueGeneratedNever();
            license.Property(l => l.BusinessId).HasColumnName("business_id").HasMaxLength(LicenseLimits.MaxIdLength);
            license.Property(l => l.Key).HasColumnName("key").HasMaxLength(LicenseLimits.MaxKeyLength);
            license.Property(l => l.KeyHash).HasColumnName("key_hash").HasMaxLength(KeyHashMaxLength);
            license.Property(l => l.KeyHint).HasColumnName("key_hint").HasMaxLength(8);
            license.Property(l => l.ProtectedKey).HasColumnName("protected_key").HasMaxLength(ProtectedKeyMaxLength);
            license.Property(l => l.Status).HasColumnName("status").HasMaxLength(16);
            license.Property(l => l.ProductId).HasColumnName("product_id").HasMaxLength(LicenseLimits.MaxIdLength);
            license.Property(l => l.PaymentId).HasColumnName("payment_id").HasMaxLength(LicenseLimits.MaxIdLength);
            license.Property(l => l.CustomerId).HasColumnName("customer_id").HasMaxLength(LicenseLimits.MaxIdLength);
            license.Property(l => l.ActivationsLimit).HasColumnName("activations_limit");
            license.Property(l => l.ActivationMessage).HasColumnName("activation_message").HasMaxLength(LicenseLimits.MaxActivationMessageLength);
            license.Property(l => l.InstancesCount).HasColumnName("instances_count");
            license.Property(l => l.DurationHours).HasColumnName("duration_hours");
            license.Property(l => l.ExpiresAt).HasColumnName("expires_at");
            license.Property(l => l.Metadata).HasColumnName("metadata");
            license.Property(l => l.Entitlements).HasColumnName("entitlements");
            license.Property(l => l.Archived).HasColumnName("archived");
            license.Property(l => l.CreatedAt).HasColumnName("created_at");
            license.Property(l => l.UpdatedAt).HasColumnName("updated_at");
            license.Property(l => l.Version).HasColumnName("version").IsConcurrencyToken();
            license.Property(l => l.LastEditVersion).HasColumnName("last_edit_version");
            // NULL hashes (rows not yet upgraded) never collide, so the index can exist before HashLicenseKeysAsync runs.
            license.HasIndex(l => new { l.BusinessId, l.KeyHash }).IsUnique().HasDatabaseName("ux_licensekit_licenses_business_key_hash");

            // The list pages newest first by (created_at, id) within a business: each filter's index puts its column
            // after business_id, so a filtered page is read in index order and stops once full, whatever the table's
            // size. archived, a two-valued flag, is checked on the rows read, except that the archived licenses (usually few
            // among many) have a partial index, so a list of only them does not walk past every unarchived license.
            license.HasIndex(l => new { l.BusinessId, l.CreatedAt, l.Id }).HasDatabaseName("ix_licensekit_licenses_business_created").HasOrdinalIds();
            license.HasIndex(l => new { l.BusinessId, l.CustomerId, l.CreatedAt, l.Id }).HasDatabaseName("ix_licensekit_licenses_business_customer_created").HasOrdinalIds();
            license.HasIndex(l => new { l.BusinessId, l.ProductId, l.CreatedAt, l.Id }).HasDatabaseName("ix_licensekit_licenses_business_product_created").HasOrdinalIds();
            license.HasIndex(l => new { l.BusinessId, l.Status, l.CreatedAt, l.Id }).HasDatabaseName("ix_licensekit_licenses_business_status_created").HasOrdinalIds();
            ListIndexes.AddArchived(modelBuilder, license);
        });

        modelBuilder.Entity<LicenseInstanceEntity>(instance =>
        {
            instance.ToTable(InstancesTable);
            instance.HasKey(i => i.Id);
            instance.Property(i => i.Id).HasColumnName("id").HasMaxLength(LicenseLimits.MaxIdLength).ValueGeneratedNever();
            instance.Property(i => i.BusinessId).HasColumnName("business_id").HasMaxLength(LicenseLimits.MaxIdLength);
            instance.Property(i => i.LicenseId).HasColumnName("license_id").HasMaxLength(LicenseLimits.MaxIdLength);
            instance.Property(i => i.Name).HasColumnName("name").HasMaxLength(LicenseLimits.MaxInstanceNameLength);
            instance.Property(i => i.Fingerprint).HasColumnName("fingerprint").HasMaxLength(LicenseLimits.MaxFingerprintLength);
            instance.Property(i => i.CreatedAt).HasColumnName("created_at");
            instance.Property(i => i.LeaseExpiresAt).HasColumnName("lease_expires_at");
            instance.HasOne<LicenseEntity>().WithMany().HasForeignKey(i => i.LicenseId).OnDelete(DeleteBehavior.Cascade);
            instance.HasIndex(i => new { i.LicenseId, i.Fingerprint }).IsUnique().HasDatabaseName("ux_licensekit_license_instances_fingerprint");

            // A sweep reads the lapsed leases of every license, longest lapsed first; node-locked rows (null) are not in its range.
            instance.HasIndex(i => i.LeaseExpiresAt).HasDatabaseName("ix_licensekit_license_instances_lease");
        });

        ListIndexes.AddKeysetSeek(modelBuilder);

        modelBuilder.Entity<LicenseIdempotencyEntity>(record =>
        {
            record.ToTable(IdempotencyTable);
            record.HasKey(r => new { r.BusinessId, r.KeyHash });
            record.Property(r => r.BusinessId).HasColumnName("business_id").HasMaxLength(LicenseLimits.MaxIdLength);
            // As wide as an idempotency key: rows written before hashing keep theirs here until HashLicenseKeysAsync hashes them.
            record.Property(r => r.KeyHash).HasColumnName("idempotency_key_hash").HasMaxLength(LicenseLimits.MaxIdempotencyKeyLength);
            record.Property(r => r.LicenseId).HasColumnName("license_id").HasMaxLength(LicenseLimits.MaxIdLength);
            record.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(128);
            record.HasOne<LicenseEntity>().WithMany().HasForeignKey(r => r.LicenseId).OnDelete(DeleteBehavior.Cascade);
        });

        UseLicenseKitEvents(modelBuilder);
        return modelBuilder;
    }
}
