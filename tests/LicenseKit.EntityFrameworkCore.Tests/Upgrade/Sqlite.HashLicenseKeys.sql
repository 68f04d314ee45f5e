BEGIN TRANSACTION;
DROP INDEX "ux_licensekit_licenses_business_key";

ALTER TABLE "licensekit_idempotency" RENAME COLUMN "idempotency_key" TO "idempotency_key_hash";

ALTER TABLE "licensekit_licenses" ADD "key_hash" TEXT NULL;

ALTER TABLE "licensekit_licenses" ADD "key_hint" TEXT NULL;

ALTER TABLE "licensekit_licenses" ADD "protected_key" TEXT NULL;

CREATE UNIQUE INDEX "ux_licensekit_licenses_business_key_hash" ON "licensekit_licenses" ("business_id", "key_hash");

CREATE TABLE "ef_temp_licensekit_licenses" (
    "id" TEXT NOT NULL CONSTRAINT "PK_licensekit_licenses" PRIMARY KEY,
    "activation_message" TEXT NULL,
    "activations_limit" INTEGER NULL,
    "archived" INTEGER NOT NULL,
    "business_id" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "customer_id" TEXT NOT NULL,
    "duration_hours" INTEGER NULL,
    "expires_at" INTEGER NULL,
    "instances_count" INTEGER NOT NULL,
    "key" TEXT NULL,
    "key_hash" TEXT NULL,
    "key_hint" TEXT NULL,
    "last_edit_version" INTEGER NOT NULL,
    "metadata" TEXT NULL,
    "payment_id" TEXT NULL,
    "product_id" TEXT NOT NULL,
    "protected_key" TEXT NULL,
    "status" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

INSERT INTO "ef_temp_licensekit_licenses" ("id", "activation_message", "activations_limit", "archived", "business_id", "created_at", "customer_id", "duration_hours", "expires_at", "instances_count", "key", "key_hash", "key_hint", "last_edit_version", "metadata", "payment_id", "product_id", "protected_key", "status", "updated_at", "version")
SELECT "id", "activation_message", "activations_limit", "archived", "business_id", "created_at", "customer_id", "duration_hours", "expires_at", "instances_count", "key", "key_hash", "key_hint", "last_edit_version", "metadata", "payment_id", "product_id", "protected_key", "status", "updated_at", "version"
FROM "licensekit_licenses";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "licensekit_licenses";

ALTER TABLE "ef_temp_licensekit_licenses" RENAME TO "licensekit_licenses";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "ix_licensekit_licenses_business_archived_created" ON "licensekit_licenses" ("business_id", "created_at", "id") WHERE archived;

CREATE INDEX "ix_licensekit_licenses_business_created" ON "licensekit_licenses" ("business_id", "created_at", "id");

CREATE INDEX "ix_licensekit_licenses_business_customer_created" ON "licensekit_licenses" ("business_id", "customer_id", "created_at", "id");

CREATE INDEX "ix_licensekit_licenses_business_product_created" ON "licensekit_licenses" ("business_id", "product_id", "created_at", "id");

CREATE INDEX "ix_licensekit_licenses_business_status_created" ON "licensekit_licenses" ("business_id", "status", "created_at", "id");

CREATE UNIQUE INDEX "ux_licensekit_licenses_business_key_hash" ON "licensekit_licenses" ("business_id", "key_hash");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127174723_HashLicenseKeys', '10.0.0');

