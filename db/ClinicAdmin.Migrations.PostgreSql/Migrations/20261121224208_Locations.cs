using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClinicAdmin.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Locations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LocationId",
                table: "Visits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LocationId",
                table: "Documents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Locations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceFacilityAddress_Line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceFacilityAddress_Line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ServiceFacilityAddress_City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ServiceFacilityAddress_State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceFacilityAddress_PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FacilityNpi = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DefaultPlaceOfService = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                });

            // Data move: the installation's one service facility becomes location MAIN and every existing visit happened there.
            // The settings row's name, facility address, phone and place of service are copied before their columns are dropped.
            // PostgreSQL uuid; gen_random_uuid() is built in from PostgreSQL 13.
            migrationBuilder.Sql("""
                INSERT INTO "Locations" ("Code", "Name", "ServiceFacilityAddress_Line1", "ServiceFacilityAddress_Line2", "ServiceFacilityAddress_City",
                    "ServiceFacilityAddress_State", "ServiceFacilityAddress_PostalCode", "Phone", "FacilityNpi", "DefaultPlaceOfService", "IsActive", "ConcurrencyStamp")
                SELECT 'MAIN', CASE WHEN trim(s."Name") = '' THEN 'Main location' ELSE s."Name" END, s."ServiceFacilityAddress_Line1", s."ServiceFacilityAddress_Line2",
                    s."ServiceFacilityAddress_City", s."ServiceFacilityAddress_State", s."ServiceFacilityAddress_PostalCode", s."Phone", NULL,
                    CASE WHEN s."DefaultPlaceOfService" = '' THEN '11' ELSE s."DefaultPlaceOfService" END, true, gen_random_uuid()
                FROM "ClinicSettings" s ORDER BY s."Id" LIMIT 1;
                """);
            // Visits without a settings row (never made by the app, but possible in a hand-made database) still get a place.
            migrationBuilder.Sql("""
                INSERT INTO "Locations" ("Code", "Name", "ServiceFacilityAddress_Line1", "ServiceFacilityAddress_City", "ServiceFacilityAddress_State",
                    "ServiceFacilityAddress_PostalCode", "Phone", "DefaultPlaceOfService", "IsActive", "ConcurrencyStamp")
                SELECT 'MAIN', 'Main location', '', '', '', '', '', '11', true, gen_random_uuid()
                WHERE NOT EXISTS (SELECT 1 FROM "Locations") AND EXISTS (SELECT 1 FROM "Visits");
                """);
            migrationBuilder.Sql("""UPDATE "Visits" SET "LocationId" = (SELECT MIN("Id") FROM "Locations");""");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_LocationId_StartedAt",
                table: "Visits",
                columns: new[] { "LocationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Kind_PeriodStart_LocationId",
                table: "Documents",
                columns: new[] { "Kind", "PeriodStart", "LocationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_LocationId",
                table: "Documents",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Locations_Code",
                table: "Locations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Locations_Name",
                table: "Locations",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Documents_Locations_LocationId",
                table: "Documents",
                column: "LocationId",
                principalTable: "Locations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Visits_Locations_LocationId",
                table: "Visits",
                column: "LocationId",
                principalTable: "Locations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.DropColumn(
                name: "DefaultPlaceOfService",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "ServiceFacilityAddress_City",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "ServiceFacilityAddress_Line1",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "ServiceFacilityAddress_Line2",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "ServiceFacilityAddress_PostalCode",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "ServiceFacilityAddress_State",
                table: "ClinicSettings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DefaultPlaceOfService",
                table: "ClinicSettings",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceFacilityAddress_City",
                table: "ClinicSettings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceFacilityAddress_Line1",
                table: "ClinicSettings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceFacilityAddress_Line2",
                table: "ClinicSettings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceFacilityAddress_PostalCode",
                table: "ClinicSettings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceFacilityAddress_State",
                table: "ClinicSettings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE "ClinicSettings" SET
                    "ServiceFacilityAddress_Line1" = l."ServiceFacilityAddress_Line1", "ServiceFacilityAddress_Line2" = l."ServiceFacilityAddress_Line2",
                    "ServiceFacilityAddress_City" = l."ServiceFacilityAddress_City", "ServiceFacilityAddress_State" = l."ServiceFacilityAddress_State",
                    "ServiceFacilityAddress_PostalCode" = l."ServiceFacilityAddress_PostalCode", "DefaultPlaceOfService" = l."DefaultPlaceOfService"
                FROM (SELECT * FROM "Locations" ORDER BY "Id" LIMIT 1) AS l;
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Documents_Locations_LocationId",
                table: "Documents");

            migrationBuilder.DropForeignKey(
                name: "FK_Visits_Locations_LocationId",
                table: "Visits");

            migrationBuilder.DropTable(
                name: "Locations");

            migrationBuilder.DropIndex(
                name: "IX_Visits_LocationId_StartedAt",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Documents_Kind_PeriodStart_LocationId",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Documents_LocationId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "LocationId",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "LocationId",
                table: "Documents");

        }
    }
}
