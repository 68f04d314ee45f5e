CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "licensekit_licenses" (
    "id" TEXT NOT NULL CONSTRAINT "PK_licensekit_licenses" PRIMARY KEY,
    "business_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "normalized_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "payment_id" TEXT NULL,
    "customer_id" TEXT NOT NULL,
    "activations_limit" INTEGER NULL,
    "activation_message" TEXT NULL,
    "instances_count" INTEGER NOT NULL,
    "duration_hours" INTEGER NULL,
    "expires_at" INTEGER NULL,
    "metadata" TEXT NULL,
    "archived" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "licensekit_idempotency" (
    "business_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "license_id" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    CONSTRAINT "PK_licensekit_idempotency" PRIMARY KEY ("business_id", "idempotency_key"),
    CONSTRAINT "FK_licensekit_idempotency_licensekit_licenses_license_id" FOREIGN KEY ("license_id") REFERENCES "licensekit_licenses" ("id") ON DELETE CASCADE
);

CREATE TABLE "licensekit_license_instances" (
    "id" TEXT NOT NULL CONSTRAINT "PK_licensekit_license_instances" PRIMARY KEY,
    "business_id" TEXT NOT NULL,
    "license_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "fingerprint" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_licensekit_license_instances_licensekit_licenses_license_id" FOREIGN KEY ("license_id") REFERENCES "licensekit_licenses" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_licensekit_idempotency_license_id" ON "licensekit_idempotency" ("license_id");

CREATE UNIQUE INDEX "ux_licensekit_license_instances_fingerprint" ON "licensekit_license_instances" ("license_id", "fingerprint");

CREATE INDEX "ix_licensekit_licenses_business_created" ON "licensekit_licenses" ("business_id", "created_at", "id");

CREATE UNIQUE INDEX "ux_licensekit_licenses_business_key" ON "licensekit_licenses" ("business_id", "normalized_key");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126233915_InitialLicenseKitSchema', '10.0.0');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "licensekit_licenses" ADD "last_edit_version" INTEGER NOT NULL DEFAULT 0;

UPDATE licensekit_licenses SET last_edit_version = version;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127142410_AddLastEditVersion', '10.0.0');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "ix_licensekit_licenses_business_customer_created" ON "licensekit_licenses" ("business_id", "customer_id", "created_at", "id");

CREATE INDEX "ix_licensekit_licenses_business_product_created" ON "licensekit_licenses" ("business_id", "product_id", "created_at", "id");

CREATE INDEX "ix_licensekit_licenses_business_status_created" ON "licensekit_licenses" ("business_id", "status", "created_at", "id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127154512_AddListIndexes', '10.0.0');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "ix_licensekit_licenses_business_archived_created" ON "licensekit_licenses" ("business_id", "created_at", "id") WHERE archived;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127164759_AddArchivedListIndex', '10.0.0');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "licensekit_license_instances" ADD "lease_expires_at" INTEGER NULL;

CREATE INDEX "ix_licensekit_license_instances_lease" ON "licensekit_license_instances" ("lease_expires_at");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127165250_AddInstanceLeases', '10.0.0');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "licensekit_license_events" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_licensekit_license_events" PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "business_id" TEXT NOT NULL,
    "license_id" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "lease_owner" TEXT NULL,
    "last_error" TEXT NULL,
    "delivered_at" INTEGER NULL
);

CREATE INDEX "ix_licensekit_license_events_business" ON "licensekit_license_events" ("business_id", "sequence");

CREATE INDEX "ix_licensekit_license_events_license" ON "licensekit_license_events" ("license_id", "state", "sequence");

CREATE INDEX "ix_licensekit_license_events_state" ON "licensekit_license_events" ("state", "sequence");

CREATE UNIQUE INDEX "ux_licensekit_license_events_id" ON "licensekit_license_events" ("id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127170550_AddLicenseEvents', '10.0.0');

COMMIT;

