using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicAdmin.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SuperbillSigner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SupervisingProviderId",
                table: "TreatmentCourses",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentCourses_SupervisingProviderId",
                table: "TreatmentCourses",
                column: "SupervisingProviderId");

            migrationBuilder.AddForeignKey(
                name: "FK_TreatmentCourses_StaffMembers_SupervisingProviderId",
                table: "TreatmentCourses",
                column: "SupervisingProviderId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TreatmentCourses_StaffMembers_SupervisingProviderId",
                table: "TreatmentCourses");

            migrationBuilder.DropIndex(
                name: "IX_TreatmentCourses_SupervisingProviderId",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "SupervisingProviderId",
                table: "TreatmentCourses");
        }
    }
}
