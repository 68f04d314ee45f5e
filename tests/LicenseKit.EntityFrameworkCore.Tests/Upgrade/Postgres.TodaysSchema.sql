CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;
CREATE TABLE licensekit_licenses (
    id character varying(128) NOT NULL,
    business_id character varying(128) NOT NULL,
    key character varying(128) NOT NULL,
    normalized_key character varying(128) NOT NULL,
    status character varying(16) NOT NULL,
    product_id character varying(128) NOT NULL,
    payment_id character varying(128),
    customer_id character varying(128) NOT NULL,
    activations_limit integer,
    activation_message character varying(2500),
    instances_count integer NOT NULL,
    duration_hours integer,
    expires_at bigint,
    metadata text,
    archived boolean NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT "PK_licensekit_licenses" PRIMARY KEY (id)
);

CREATE TABLE licensekit_idempotency (
    business_id character varying(128) NOT NULL,
    idempotency_key character varying(255) NOT NULL,
    license_id character varying(128) NOT NULL,
    request_hash character varying(128) NOT NULL,
    CONSTRAINT "PK_licensekit_idempotency" PRIMARY KEY (business_id, idempotency_key),
    CONSTRAINT "FK_licensekit_idempotency_licensekit_licenses_license_id" FOREIGN KEY (license_id) REFERENCES licensekit_licenses (id) ON DELETE CASCADE
);

CREATE TABLE licensekit_license_instances (
    id character varying(128) NOT NULL,
    business_id character varying(128) NOT NULL,
    license_id character varying(128) NOT NULL,
    name character varying(255) NOT NULL,
    fingerprint character varying(255),
    created_at bigint NOT NULL,
    CONSTRAINT "PK_licensekit_license_instances" PRIMARY KEY (id),
    CONSTRAINT "FK_licensekit_license_instances_licensekit_licenses_license_id" FOREIGN KEY (license_id) REFERENCES licensekit_licenses (id) ON DELETE CASCADE
);

CREATE INDEX "IX_licensekit_idempotency_license_id" ON licensekit_idempotency (license_id);

CREATE UNIQUE INDEX ux_licensekit_license_instances_fingerprint ON licensekit_license_instances (license_id, fingerprint);

CREATE INDEX ix_licensekit_licenses_business_created ON licensekit_licenses (business_id, created_at, id);

CREATE UNIQUE INDEX ux_licensekit_licenses_business_key ON licensekit_licenses (business_id, normalized_key);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126233920_InitialLicenseKitSchema', '10.0.0');

COMMIT;

START TRANSACTION;
ALTER TABLE licensekit_licenses ADD last_edit_version bigint NOT NULL DEFAULT 0;

UPDATE licensekit_licenses SET last_edit_version = version;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127142427_AddLastEditVersion', '10.0.0');

COMMIT;

START TRANSACTION;
CREATE INDEX ix_licensekit_licenses_business_customer_created ON licensekit_licenses (business_id, customer_id, created_at, id);

CREATE INDEX ix_licensekit_licenses_business_product_created ON licensekit_licenses (business_id, product_id, created_at, id);

CREATE INDEX ix_licensekit_licenses_business_status_created ON licensekit_licenses (business_id, status, created_at, id);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127154517_AddListIndexes', '10.0.0');

COMMIT;

