using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MonitoringMinutes",
                table: "Services",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Takes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                    table.CheckConstraint("CK_Resources_Capacity", "\"Capacity\" BETWEEN 1 AND 12");
                    table.ForeignKey(
                        name: "FK_Resources_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Place = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HoldsTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LateCancellation = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.CheckConstraint("CK_Appointments_Times", "\"EndUtc\" > \"StartUtc\"");
                    table.ForeignKey(
                        name: "FK_Appointments_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_StaffMembers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_LocationId_StartUtc",
                table: "Appointments",
                columns: new[] { "LocationId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientId_StartUtc",
                table: "Appointments",
                columns: new[] { "PatientId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ProviderId_StartUtc",
                table: "Appointments",
                columns: new[] { "ProviderId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ResourceId_StartUtc",
                table: "Appointments",
                columns: new[] { "ResourceId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServiceId",
                table: "Appointments",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_VisitId",
                table: "Appointments",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_LocationId_Name",
                table: "Resources",
                columns: new[] { "LocationId", "Name" },
                unique: true);

            // No double booking, enforced by the database: SQLite runs each write under its database write lock, so
            // a trigger's check and the write are one step and two racing bookings cannot both pass. A chair place, a
            // provider and a patient each hold one appointment at a time; cancelled and no-show ones free their time.
            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Appointments_NoOverlap_Insert"" BEFORE INSERT ON ""Appointments"" WHEN NEW.""HoldsTime""
                BEGIN
                    SELECT RAISE(ABORT, 'appointment clash: Chair') WHERE EXISTS (SELECT 1 FROM ""Appointments"" a
                        WHERE a.""HoldsTime"" AND a.""ResourceId"" = NEW.""ResourceId"" AND a.""Place"" = NEW.""Place"" AND a.""StartUtc"" < NEW.""EndUtc"" AND NEW.""StartUtc"" < a.""EndUtc"");
                    SELECT RAISE(ABORT, 'appointment clash: Provider') WHERE EXISTS (SELECT 1 FROM ""Appointments"" a
                        WHERE a.""HoldsTime"" AND a.""ProviderId"" = NEW.""ProviderId"" AND a.""StartUtc"" < NEW.""EndUtc"" AND NEW.""StartUtc"" < a.""EndUtc"");
                    SELECT RAISE(ABORT, 'appointment clash: Patient') WHERE EXISTS (SELECT 1 FROM ""Appointments"" a
                        WHERE a.""HoldsTime"" AND a.""PatientId"" = NEW.""PatientId"" AND a.""StartUtc"" < NEW.""EndUtc"" AND NEW.""StartUtc"" < a.""EndUtc"");
                END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""TR_Appointments_NoOverlap_Update""
                BEFORE UPDATE OF ""StartUtc"", ""EndUtc"", ""ResourceId"", ""Place"", ""ProviderId"", ""PatientId"", ""HoldsTime"" ON ""Appointments"" WHEN NEW.""HoldsTime""
                BEGIN
                    SELECT RAISE(ABORT, 'appointment clash: Chair') WHERE EXISTS (SELECT 1 FROM ""Appointments"" a
                        WHERE a.""HoldsTime"" AND a.""ResourceId"" = NEW.""ResourceId"" AND a.""Place"" = NEW.""Place"" AND a.""Id"" <> NEW.""Id"" AND a.""StartUtc"" < NEW.""EndUtc"" AND NEW.""StartUtc"" < a.""EndUtc"");
                    SELECT RAISE(ABORT, 'appointment clash: Provider') WHERE EXISTS (SELECT 1 FROM ""Appointments"" a
                        WHERE a.""HoldsTime"" AND a.""ProviderId"" = NEW.""ProviderId"" AND a.""Id"" <> NEW.""Id"" AND a.""StartUtc"" < NEW.""EndUtc"" AND NEW.""StartUtc"" < a.""EndUtc"");
                    SELECT RAISE(ABORT, 'appointment clash: Patient') WHERE EXISTS (SELECT 1 FROM ""Appointments"" a
                        WHERE a.""HoldsTime"" AND a.""PatientId"" = NEW.""PatientId"" AND a.""Id"" <> NEW.""Id"" AND a.""StartUtc"" < NEW.""EndUtc"" AND NEW.""StartUtc"" < a.""EndUtc"");
                END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropColumn(
                name: "MonitoringMinutes",
                table: "Services");
        }
    }
}
