START TRANSACTION;
DROP INDEX ux_licensekit_licenses_business_key;

ALTER TABLE licensekit_licenses DROP COLUMN normalized_key;

ALTER TABLE licensekit_idempotency RENAME COLUMN idempotency_key TO idempotency_key_hash;

ALTER TABLE licensekit_licenses ALTER COLUMN key DROP NOT NULL;

ALTER TABLE licensekit_licenses ADD key_hash character varying(128);

ALTER TABLE licensekit_licenses ADD key_hint character varying(8);

ALTER TABLE licensekit_licenses ADD protected_key character varying(1024);

CREATE UNIQUE INDEX ux_licensekit_licenses_business_key_hash ON licensekit_licenses (business_id, key_hash);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127174743_HashLicenseKeys', '10.0.0');

COMMIT;

