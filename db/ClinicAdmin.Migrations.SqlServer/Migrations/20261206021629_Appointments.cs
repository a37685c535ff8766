using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicAdmin.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LocationId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Takes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PatientId = table.Column<int>(type: "int", nullable: false),
                    ServiceId = table.Column<int>(type: "int", nullable: false),
                    ProviderId = table.Column<int>(type: "int", nullable: false),
                    LocationId = table.Column<int>(type: "int", nullable: false),
                    ResourceId = table.Column<int>(type: "int", nullable: true),
                    Place = table.Column<int>(type: "int", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    HoldsTime = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    BookedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BookedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CancelledBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LateCancellation = table.Column<bool>(type: "bit", nullable: false),
                    VisitId = table.Column<int>(type: "int", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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

            // No double booking, enforced by the database: an AFTER trigger that reads with UPDLOCK, HOLDLOCK (key-range
            // locks, also under read-committed snapshot), so of two racing bookings one waits and then sees the other, or
            // is the deadlock victim. Error 50001 names what clashed (AppointmentOverlap reads it). EXEC keeps CREATE
            // TRIGGER first in its batch, also inside the idempotent script's IF blocks.
            migrationBuilder.Sql(@"EXEC(N'CREATE TRIGGER [TR_Appointments_NoOverlap] ON [Appointments] AFTER INSERT, UPDATE AS
            BEGIN
                SET NOCOUNT ON;
                IF EXISTS (SELECT 1 FROM inserted i JOIN [Appointments] a WITH (UPDLOCK, HOLDLOCK)
                    ON a.[Id] <> i.[Id] AND a.[ResourceId] = i.[ResourceId] AND a.[Place] = i.[Place] AND a.[StartUtc] < i.[EndUtc] AND i.[StartUtc] < a.[EndUtc]
                    WHERE i.[HoldsTime] = 1 AND a.[HoldsTime] = 1)
                    THROW 50001, ''appointment clash: Chair'', 1;
                IF EXISTS (SELECT 1 FROM inserted i JOIN [Appointments] a WITH (UPDLOCK, HOLDLOCK)
                    ON a.[Id] <> i.[Id] AND a.[ProviderId] = i.[ProviderId] AND a.[StartUtc] < i.[EndUtc] AND i.[StartUtc] < a.[EndUtc]
                    WHERE i.[HoldsTime] = 1 AND a.[HoldsTime] = 1)
                    THROW 50001, ''appointment clash: Provider'', 1;
                IF EXISTS (SELECT 1 FROM inserted i JOIN [Appointments] a WITH (UPDLOCK, HOLDLOCK)
                    ON a.[Id] <> i.[Id] AND a.[PatientId] = i.[PatientId] AND a.[StartUtc] < i.[EndUtc] AND i.[StartUtc] < a.[EndUtc]
                    WHERE i.[HoldsTime] = 1 AND a.[HoldsTime] = 1)
                    THROW 50001, ''appointment clash: Patient'', 1;
            END')");
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
