using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseKit.Samples.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddArchivedListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_customer_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_product_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_status_created",
                table: "licensekit_licenses");

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_archived_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "created_at", "id" },
                filter: "archived")
                .Annotation("Relational:Collation", new[] { null, null, "C" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "created_at", "id" })
                .Annotation("Relational:Collation", new[] { null, null, "C" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_customer_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "customer_id", "created_at", "id" })
                .Annotation("Relational:Collation", new[] { null, null, null, "C" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_product_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "product_id", "created_at", "id" })
                .Annotation("Relational:Collation", new[] { null, null, null, "C" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_status_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "status", "created_at", "id" })
                .Annotation("Relational:Collation", new[] { null, null, null, "C" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_archived_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_customer_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_product_created",
                table: "licensekit_licenses");

            migrationBuilder.DropIndex(
                name: "ix_licensekit_licenses_business_status_created",
                table: "licensekit_licenses");

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_customer_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "customer_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_product_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "product_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licensekit_licenses_business_status_created",
                table: "licensekit_licenses",
                columns: new[] { "business_id", "status", "created_at", "id" });
        }
    }
}
