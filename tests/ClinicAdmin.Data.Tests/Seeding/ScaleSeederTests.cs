using ClinicAdmin.Tools;
using ClinicAdmin.Data.Seeding;
using ClinicAdmin.Data.Tests.Infrastructure;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Patients;
using ClinicAdmin.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Seeding;

/// <summary>The scale data generator at a small size: the rows it writes through the bulk inserter must be rows the app
/// could have written (keys, prices of the visit's date, owned values, identity sequences that continue after them).</summary>
public abstract class ScaleSeederTests(DataFixture data) : DataTest(data)
{
    /// <summary>The demo clinic (the generator's catalog and sign-ins), how many patients and visits it has, then the chain.</summary>
    private async Task<(ScaleResult Result, int DemoPatients, int DemoVisits)> SeedAsync(ScaleProfile profile)
    {
        using var scope = Data.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoAsync();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var (patients, visits) = (await db.Patients.CountAsync(), await db.Visits.CountAsync());
        return (await new ScaleSeeder(db, TimeProvider.System).SeedAsync(profile), patients, visits);
    }

    [Fact]
    public async Task A_small_chain_has_the_sizes_asked_for_and_consistent_rows()
    {
        var (r, demo, demoVisits) = await SeedAsync(new ScaleProfile(Locations: 4, Patients: 60, Visits: 900, Years: 3));
        r.Patients.ShouldBe(60);
        r.Visits.ShouldBe(900);
        r.Locations.ShouldBe(4);
        (await Data.InDbAsync(db => db.Locations.CountAsync())).ShouldBe(4);
        (await Data.InDbAsync(db => db.Patients.CountAsync())).ShouldBe(60 + demo);
        (await Data.InDbAsync(db => db.Visits.CountAsync())).ShouldBe(900 + demoVisits);

        // Every generated visit: at a location, in a course of its patient, priced from the history of its date.
        var visits = await Data.InDbAsync(db => db.Visits.AsNoTracking().Include(v => v.ChargeLines).OrderByDescending(v => v.Id).Take(900).ToListAsync());
        var courses = await Data.InDbAsync(db => db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id));
        var services = await Data.InDbAsync(db => db.Services.AsNoTracking().Include(s => s.Prices).ToDictionaryAsync(s => s.Id));
        var zone = await Data.InDbAsync(db => db.ClinicSettings.Select(s => s.TimeZoneId).SingleAsync());
        var clock = ClinicClock.For(zone, TimeProvider.System);
        visits.Select(v => v.LocationId).Distinct().Count().ShouldBe(4);
        // Series of six then boosters of four, numbered 1, 2, 3... in date order.
        r.Courses.ShouldBeLessThanOrEqualTo(60 + (900 - 60 * 6) / 4 + 60);
        foreach (var series in visits.GroupBy(v => v.TreatmentCourseId))
            series.OrderBy(v => v.StartedAt).Select(v => v.SessionNumber).ShouldBe(Enumerable.Range(1, series.Count()).Select(i => (int?)i));
        foreach (var v in visits)
        {
            courses[v.TreatmentCourseId!.Value].PatientId.ShouldBe(v.PatientId);
            v.ChargeLines.ShouldNotBeEmpty();
            foreach (var line in v.ChargeLines)
            {
                line.UnitPrice.ShouldBe(services[line.ServiceId].PriceOn(clock.DateOf(v.StartedAt))!.Amount);
                line.Amount.ShouldBe(Money.LineTotal(line.UnitPrice, line.Units));
            }
            v.VitalsBefore.Systolic.ShouldNotBeNull(); // owned values went into the visit's row
            v.StartedAt.ShouldBeLessThan(DateTime.UtcNow.AddDays(1));
            v.StartedAt.ShouldBeGreaterThan(DateTime.UtcNow.AddYears(-3).AddDays(-10));
        }
        // Scores: totals match their items, and most series improve.
        var phq = await Data.InDbAsync(db => db.Assessments.AsNoTracking().Where(a => a.Instrument == Instrument.Phq9).ToListAsync());
        phq.ShouldAllBe(a => a.ItemScores.Sum() == a.TotalScore);
        (await Data.InDbAsync(db => db.Incidents.CountAsync())).ShouldBeGreaterThan(0);

        // Identity sequences continue after the generated ids: the app can add rows afterwards.
        await Data.InDbAsync(async db =>
        {
            var patient = new Patient { Mrn = "MRN-999999", FirstName = "After", LastName = "Generation", DateOfBirth = new DateOnly(1990, 1, 1) };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            patient.Id.ShouldBeGreaterThan(visits.Max(v => v.PatientId));
            return 0;
        });
    }

    [Fact]
    public async Task The_one_month_profile_puts_every_session_and_the_exact_incident_count_in_the_month()
    {
        var month = new DateOnly(2026, 3, 1);
        var (r, _, _) = await SeedAsync(new ScaleProfile(Locations: 3, Patients: 40, Visits: 200, OneMonth: month, Incidents: 25));
        r.Visits.ShouldBe(200);
        r.Incidents.ShouldBe(25);
        var zone = await Data.InDbAsync(db => db.ClinicSettings.Select(s => s.TimeZoneId).SingleAsync());
        var clock = ClinicClock.For(zone, TimeProvider.System);
        var (from, to) = (clock.ToUtc(new DateTime(2026, 3, 1)), clock.ToUtc(new DateTime(2026, 4, 1)));
        (await Data.InDbAsync(db => db.Visits.CountAsync(v => v.StartedAt >= from && v.StartedAt < to))).ShouldBe(200);
        var generatedIncidents = await Data.InDbAsync(db => db.Incidents.CountAsync(i => i.OccurredAt >= from && i.OccurredAt < to.AddHours(2)));
        generatedIncidents.ShouldBe(25);
        // Each patient comes at most once a day.
        var visits = await Data.InDbAsync(db => db.Visits.Where(v => v.StartedAt >= from && v.StartedAt < to).Select(v => new { v.PatientId, v.StartedAt }).ToListAsync());
        visits.GroupBy(v => (v.PatientId, clock.DateOf(v.StartedAt))).ShouldAllBe(g => g.Count() == 1);
    }
}

[Collection(SqliteDataCollection.Name), Trait("Database", "Sqlite")]
public sealed class ScaleSeederTests_Sqlite(SqliteData data) : ScaleSeederTests(data);

[Collection(PostgreSqlDataCollection.Name), Trait("Database", "PostgreSql")]
public sealed class ScaleSeederTests_PostgreSql(PostgreSqlData data) : ScaleSeederTests(data);

[Collection(SqlServerDataCollection.Name), Trait("Database", "SqlServer")]
public sealed class ScaleSeederTests_SqlServer(SqlServerData data) : ScaleSeederTests(data);
