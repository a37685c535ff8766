using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicAdmin.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ClinicDateStyle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The clinic keeps the US style it had in practice (MM/dd/yyyy, 12-hour) until the manager picks another.
            migrationBuilder.AddColumn<string>(
                name: "DateStyle",
                table: "ClinicSettings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "UnitedStates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DateStyle",
                table: "ClinicSettings");
        }
    }
}
