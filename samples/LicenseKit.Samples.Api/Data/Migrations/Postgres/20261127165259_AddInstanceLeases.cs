using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddInstanceLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "lease_expires_at",
                table: "licensekit_license_instances",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_license_instances_lease",
                table: "licensekit_license_instances",
                column: "lease_expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licensekit_license_instances_lease",
                table: "licensekit_license_instances");

            migrationBuilder.DropColumn(
                name: "lease_expires_at",
                table: "licensekit_license_instances");
        }
    }
}
