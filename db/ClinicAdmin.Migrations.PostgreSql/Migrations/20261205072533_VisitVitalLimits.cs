using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicAdmin.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VisitVitalLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The settings row gets the usual ketamine holding parameters (VitalLimits' defaults), not zeros.
            migrationBuilder.AddColumn<int>(
                name: "VitalLimits_DiastolicAtOrAbove",
                table: "ClinicSettings",
                type: "integer",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "VitalLimits_HeartRateAtOrAbove",
                table: "ClinicSettings",
                type: "integer",
                nullable: false,
                defaultValue: 110);

            migrationBuilder.AddColumn<int>(
                name: "VitalLimits_HeartRateAtOrBelow",
                table: "ClinicSettings",
                type: "integer",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "VitalLimits_SpO2Below",
                table: "ClinicSettings",
                type: "integer",
                nullable: false,
                defaultValue: 92);

            migrationBuilder.AddColumn<int>(
                name: "VitalLimits_SystolicAtOrAbove",
                table: "ClinicSettings",
                type: "integer",
                nullable: false,
                defaultValue: 160);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VitalLimits_DiastolicAtOrAbove",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "VitalLimits_HeartRateAtOrAbove",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "VitalLimits_HeartRateAtOrBelow",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "VitalLimits_SpO2Below",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "VitalLimits_SystolicAtOrAbove",
                table: "ClinicSettings");
        }
    }
}
