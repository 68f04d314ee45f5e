using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HashLicenseKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys stay in "key" until HashLicenseKeysAsync moves each into key_hash (and protected_key) and clears it.
            migrationBuilder.DropIndex(
                name: "ux_licensekit_licenses_business_key",
                table: "licensekit_licenses");

            migrationBuilder.DropColumn(
                name: "normalized_key",
                table: "licensekit_licenses");

            migrationBuilder.RenameColumn(
                name: "idempotency_key",
                table: "licensekit_idempotency",
                newName: "idempotency_key_hash");

            migrationBuilder.AlterColumn<string>(
                name: "key",
                table: "licensekit_licenses",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AddColumn<string>(
                name: "key_hash",
                table: "licensekit_licenses",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "key_hint",
                table: "licensekit_licenses",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_key",
                table: "licensekit_licenses",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_licensekit_licenses_business_key_hash",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "key_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hashes cannot be turned back into keys: going down loses every key written since. Restore a backup instead.
            migrationBuilder.DropIndex(
                name: "ux_licensekit_licenses_business_key_hash",
                table: "licensekit_licenses");

            migrationBuilder.DropColumn(
                name: "key_hash",
                table: "licensekit_licenses");

            migrationBuilder.DropColumn(
                name: "key_hint",
                table: "licensekit_licenses");

            migrationBuilder.DropColumn(
                name: "protected_key",
                table: "licensekit_licenses");

            migrationBuilder.RenameColumn(
                name: "idempotency_key_hash",
                table: "licensekit_idempotency",
                newName: "idempotency_key");

            migrationBuilder.AlterColumn<string>(
                name: "key",
                table: "licensekit_licenses",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "normalized_key",
                table: "licensekit_licenses",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ux_licensekit_licenses_business_key",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "normalized_key" },
                unique: true);
        }
    }
}
