using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialLicenseKitSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licensekit_licenses",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    business_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    normalized_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    payment_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    activations_limit = table.Column<int>(type: "INTEGER", nullable: true),
                    activation_message = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    instances_count = table.Column<int>(type: "INTEGER", nullable: false),
                    duration_hours = table.Column<int>(type: "INTEGER", nullable: true),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensekit_licenses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licensekit_idempotency",
                columns: table => new
                {
                    business_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    license_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensekit_idempotency", x => new { x.business_id, x.idempotency_key });
                    table.ForeignKey(
                        name: "FK_licensekit_idempotency_licensekit_licenses_license_id",
                        column: x => x.license_id,
                        principalTable: "licensekit_licenses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licensekit_license_instances",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    business_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    license_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensekit_license_instances", x => x.id);
                    table.ForeignKey(
                        name: "FK_licensekit_license_instances_licensekit_licenses_license_id",
                        column: x => x.license_id,
                        principalTable: "licensekit_licenses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_licensekit_idempotency_license_id",
                table: "licensekit_idempotency",
                column: "license_id");

            migrationBuilder.CreateIndex(
                name: "ux_licensekit_license_instances_fingerprint",
                table: "licensekit_license_instances",
                columns: new[] { "license_id", "fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_licensekit_licenses_business_key",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "normalized_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licensekit_idempotency");

            migrationBuilder.DropTable(
                name: "licensekit_license_instances");

            migrationBuilder.DropTable(
                name: "licensekit_licenses");
        }
    }
}
