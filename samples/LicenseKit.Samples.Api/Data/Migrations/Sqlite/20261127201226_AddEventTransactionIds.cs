using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEventTransactionIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licensekit_license_events_business",
                table: "licensekit_license_events");

            migrationBuilder.AddColumn<long>(
                name: "transaction_id",
                table: "licensekit_license_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_license_events_business",
                table: "licensekit_license_events",
                columns: new[] { "business_id", "transaction_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licensekit_license_events_business",
                table: "licensekit_license_events");

            migrationBuilder.DropColumn(
                name: "transaction_id",
                table: "licensekit_license_events");

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_license_events_business",
                table: "licensekit_license_events",
                columns: new[] { "business_id", "sequence" });
        }
    }
}
