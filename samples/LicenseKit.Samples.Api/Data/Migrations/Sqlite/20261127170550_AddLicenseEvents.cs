using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLicenseEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licensekit_license_events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    business_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    license_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licensekit_license_events", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_license_events_business",
                table: "licensekit_license_events",
                columns: new[] { "business_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_license_events_license",
                table: "licensekit_license_events",
                columns: new[] { "license_id", "state", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_license_events_state",
                table: "licensekit_license_events",
                columns: new[] { "state", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ux_licensekit_license_events_id",
                table: "licensekit_license_events",
                column: "id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licensekit_license_events");
        }
    }
}
