using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddLastEditVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_edit_version",
                table: "licensekit_licenses",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Licenses stored before the upgrade count their current version as their last edit, so an expected version
            // read before the upgrade conflicts exactly as it did then.
            migrationBuilder.Sql("UPDATE licensekit_licenses SET last_edit_version = version;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_edit_version",
                table: "licensekit_licenses");
        }
    }
}
