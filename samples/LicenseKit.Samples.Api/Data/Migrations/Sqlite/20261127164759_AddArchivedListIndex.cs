using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddArchivedListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_archived_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "created_at", "id" },
                filter: "archived");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_archived_created",
                table: "licensekit_licenses");
        }
    }
}
