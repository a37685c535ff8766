using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: true),
                    Page = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SearchKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_At",
                table: "AccessLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_PatientId_At",
                table: "AccessLog",
                columns: new[] { "PatientId", "At" });

            // Append-only in the database too: no UPDATE or DELETE of a row.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccessLog_no_update" BEFORE UPDATE ON "AccessLog"
                BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog"
                BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessLog_no_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessLog_no_delete";""");
            migrationBuilder.DropTable(
                name: "AccessLog");
        }
    }
}
