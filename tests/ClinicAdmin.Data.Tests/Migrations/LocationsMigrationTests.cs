using ClinicAdmin.Data.Tests.Infrastructure;
using ClinicAdmin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Migrations;

/// <summary>
/// The Locations migration moves data: a database from before it (one settings row, visits without a location) comes out
/// with location MAIN made from the settings' facility facts and every visit placed there. Runs on its own database.
/// </summary>
public abstract class LocationsMigrationTests(DatabaseProvider provider)
{
    private ClinicDbContext NewContext(string cs) =>
        new((DbContextOptions<ClinicDbContext>)DataModule.Configure(new DbContextOptionsBuilder<ClinicDbContext>(), provider, cs).Options);

    [Fact]
    public async Task Upgrading_a_database_with_visits_creates_location_MAIN_from_the_settings_and_places_every_visit_there()
    {
        var cs = provider == DatabaseProvider.Sqlite ? TestDatabases.NewSqlite("locmig") : await TestDatabases.NewPostgresAsync("locmig");
        try
        {
            await using (var db = NewContext(cs))
            {
                var all = db.Database.GetMigrations().ToList();
                var locations = all.FindIndex(m => m.EndsWith("_Locations", StringComparison.Ordinal));
                locations.ShouldBeGreaterThan(0);
                await db.GetService<IMigrator>().MigrateAsync(all[locations - 1]);

                var pg = provider == DatabaseProvider.PostgreSql;
                string B(bool v) => pg ? (v ? "true" : "false") : (v ? "1" : "0");
                string G() => pg ? $"'{Guid.NewGuid()}'" : $"'{Guid.NewGuid().ToString().ToUpperInvariant()}'";
                var date = pg ? "DATE '1980-04-02'" : "'1980-04-02'";
                var at = pg ? "TIMESTAMPTZ '2026-03-10 15:00:00+00'" : "'2026-03-10 15:00:00'";
                await db.Database.ExecuteSqlRawAsync($"""
                    INSERT INTO "ClinicSettings" ("Name", "BillingAddress_Line1", "BillingAddress_City", "BillingAddress_State", "BillingAddress_PostalCode",
                        "ServiceFacilityAddress_Line1", "ServiceFacilityAddress_Line2", "ServiceFacilityAddress_City", "ServiceFacilityAddress_State", "ServiceFacilityAddress_PostalCode",
                        "Phone", "TaxId", "GroupNpi", "TimeZoneId", "DefaultPlaceOfService", "SuperbillFooter", "ShowPatientNamesInReports", "ConcurrencyStamp")
                    VALUES ('Harbor Clinic', '1 Bill St', 'Madison', 'WI', '53703', '9 Care Way', 'Suite 2', 'Verona', 'WI', '53593',
                        '(608) 555-0100', '12-3456789', '1234567893', 'America/Chicago', '49', '', {B(false)}, {G()});
                    INSERT INTO "Patients" ("Mrn", "FirstName", "LastName", "DateOfBirth", "Address_Line1", "Address_City", "Address_State", "Address_PostalCode",
                        "HasUncontrolledHypertension", "HasPsychosisHistory", "IsPregnant", "HasSevereLiverDisease", "HasSubstanceMisuse", "ConcurrencyStamp")
                    VALUES ('MRN-1', 'Ann', 'Lee', {date}, '', '', '', '', {B(false)}, {B(false)}, {B(false)}, {B(false)}, {B(false)}, {G()});
                    INSERT INTO "StaffMembers" ("FirstName", "LastName", "Credentials", "Title", "IsRenderingProvider", "StartDate", "ConcurrencyStamp")
                    VALUES ('Helena', 'Marsh', 'MD', 'Director', {B(true)}, {date}, {G()});
                    INSERT INTO "Visits" ("PatientId", "RenderingProviderId", "StartedAt", "PlaceOfService", "Route", "SubmissionKey", "ConcurrencyStamp")
                    SELECT p."Id", s."Id", {at}, '49', 'IV', {G()}, {G()} FROM "Patients" p CROSS JOIN "StaffMembers" s;
                    INSERT INTO "Visits" ("PatientId", "RenderingProviderId", "StartedAt", "PlaceOfService", "Route", "SubmissionKey", "ConcurrencyStamp")
                    SELECT p."Id", s."Id", {at}, '11', 'IM', {G()}, {G()} FROM "Patients" p CROSS JOIN "StaffMembers" s;
                    """);
                await db.Database.MigrateAsync();
            }

            await using (var db = NewContext(cs))
            {
                var location = await db.Locations.SingleAsync();
                location.Code.ShouldBe("MAIN");
                location.Name.ShouldBe("Harbor Clinic");
                location.ServiceFacilityAddress.ToString().ShouldBe("9 Care Way, Suite 2, Verona, WI 53593");
                location.Phone.ShouldBe("(608) 555-0100");
                location.DefaultPlaceOfService.ShouldBe("49");
                location.IsActive.ShouldBeTrue();
                location.FacilityNpi.ShouldBeNull();
                location.ConcurrencyStamp.ShouldNotBe(Guid.Empty);
                (await db.Visits.Select(v => v.LocationId).ToListAsync()).ShouldBe([location.Id, location.Id]);
                (await db.ClinicSettings.SingleAsync()).Name.ShouldBe("Harbor Clinic");

                // The stamp the SQL made is one EF compares equal to what it reads back: a normal edit saves.
                location.Name = "Harbor Clinic Verona";
                await db.SaveChangesAsync();
            }
            await using (var db = NewContext(cs))
                (await db.Locations.SingleAsync()).Name.ShouldBe("Harbor Clinic Verona");
        }
        finally
        {
            await TestDatabases.DropAsync(provider, cs);
        }
    }

    [Fact]
    public async Task Migrating_an_empty_database_creates_no_location()
    {
        var cs = provider == DatabaseProvider.Sqlite ? TestDatabases.NewSqlite("locmig") : await TestDatabases.NewPostgresAsync("locmig");
        try
        {
            await using var db = NewContext(cs);
            await db.Database.MigrateAsync();
            (await db.Locations.CountAsync()).ShouldBe(0);
        }
        finally
        {
            await TestDatabases.DropAsync(provider, cs);
        }
    }
}

[Trait("Database", "Sqlite")]
public sealed class LocationsMigrationTests_Sqlite() : LocationsMigrationTests(DatabaseProvider.Sqlite);

[Trait("Database", "PostgreSql")]
public sealed class LocationsMigrationTests_PostgreSql() : LocationsMigrationTests(DatabaseProvider.PostgreSql);
