using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClinicAdmin.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PatientId = table.Column<int>(type: "integer", nullable: true),
                    Page = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SearchKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
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

            // Append-only in the database too: no UPDATE or DELETE of a row, whoever connects (TRUNCATE is left to the owner).
            migrationBuilder.Sql("""
                CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'The access log is append-only'; END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AccessLog_append_only" BEFORE UPDATE OR DELETE ON "AccessLog"
                FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AccessLog_append_only" ON "AccessLog";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS access_log_append_only();");
            migrationBuilder.DropTable(
                name: "AccessLog");
        }
    }
}
