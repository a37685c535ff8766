using ClinicAdmin.Data.Seeding;
using ClinicAdmin.Data.Tests.Infrastructure;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Data.Tests.Seeding;

public abstract class DemoSeederTests(DataFixture data) : DataTest(data)
{
    private async Task<bool> SeedAsync()
    {
        using var scope = Data.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoAsync();
    }

    private Task<List<string>> PatientsAsync() =>
        Data.InDbAsync(db => db.Patients.OrderBy(p => p.Mrn).Select(p => p.Mrn + " " + p.FirstName + " " + p.LastName + " " + p.DateOfBirth).ToListAsync());

    [Fact]
    public async Task The_demo_clinic_is_the_same_every_time_it_is_seeded()
    {
        (await SeedAsync()).ShouldBeTrue();
        var first = await PatientsAsync();
        var visits = await Data.InDbAsync(db => db.Visits.CountAsync());
        await Data.ResetAsync();
        (await SeedAsync()).ShouldBeTrue();
        (await PatientsAsync()).ShouldBe(first);
        (await Data.InDbAsync(db => db.Visits.CountAsync())).ShouldBe(visits);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await SeedAsync();
        var count = await Data.InDbAsync(db => db.Patients.CountAsync());
        (await SeedAsync()).ShouldBeFalse();
        (await Data.InDbAsync(db => db.Patients.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task The_demo_clinic_looks_like_a_real_ketamine_clinic()
    {
        await SeedAsync();
        (await Data.InDbAsync(db => db.Patients.CountAsync())).ShouldBe(60);
        var titles = await Data.InDbAsync(db => db.Staff.Select(s => s.Title).ToListAsync());
        titles.ShouldContain("Medical Director");
        titles.Count(t => t == "Psychiatric Nurse Practitioner").ShouldBe(2);
        titles.ShouldContain("Infusion Nurse");
        titles.ShouldContain("Therapist");
        titles.ShouldContain("Office Manager");
        var renderingNpis = await Data.InDbAsync(db => db.Staff.Where(s => s.IsRenderingProvider).Select(s => s.Npi).ToListAsync());
        renderingNpis.ShouldAllBe(n => Npi.IsValid(n));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var infusion = await Data.InDbAsync(db => db.Services.Include(s => s.Prices).SingleAsync(s => s.Name.StartsWith("IV ketamine infusion (mood")));
        infusion.PriceOn(today)!.Amount.ShouldBe(399m);
        (await Data.InDbAsync(db => db.Services.Include(s => s.Prices).SingleAsync(s => s.Name.StartsWith("Nasal-spray")))).PriceOn(today)!.Amount.ShouldBe(400m);
        infusion.PendingOn(today).ShouldNotBeEmpty();

        // Every visit before the price change kept the old price: the snapshot is what the bill shows.
        var changeDate = infusion.Prices.Where(p => p.Amount == 399m).Single().EffectiveFrom;
        var lines = await Data.InDbAsync(db => db.ChargeLines.Where(l => l.ServiceId == infusion.Id).Join(db.Visits, l => l.VisitId, v => v.Id, (l, v) => new { l.UnitPrice, v.StartedAt }).ToListAsync());
        lines.Where(l => DateOnly.FromDateTime(l.StartedAt) < changeDate.AddDays(-1)).ShouldAllBe(l => l.UnitPrice == 375m);
        lines.Where(l => DateOnly.FromDateTime(l.StartedAt) > changeDate.AddDays(1)).ShouldAllBe(l => l.UnitPrice == 399m);

        // A realistic share of courses respond (reference: ~50–72% response after an induction series).
        var courses = await Data.InDbAsync(db => db.Courses.Select(c => c.Id).ToListAsync());
        int responders = 0, evaluable = 0;
        foreach (var courseId in courses)
        {
            var scores = await Data.InDbAsync(db => db.Assessments.Where(a => a.TreatmentCourseId == courseId && a.Instrument == Instrument.Phq9).Select(a => new { a.TakenAt, a.TotalScore }).ToListAsync());
            var first = await Data.InDbAsync(db => db.Visits.Where(v => v.TreatmentCourseId == courseId).OrderBy(v => v.StartedAt).Select(v => (DateTime?)v.StartedAt).FirstOrDefaultAsync());
            var outcome = CourseOutcome.Compute(scores.Select(s => (s.TakenAt, s.TotalScore)), first);
            if (outcome.Latest is null) continue;
            evaluable++;
            if (outcome.Responder) responders++;
        }
        evaluable.ShouldBeGreaterThan(20);
        ((double)responders / evaluable).ShouldBeInRange(0.40, 0.80);
        // Incidents as a clinic sees them: mostly mild (CTCAE 1-2), a few grade 3, none life-threatening; only the
        // grade-3 ones are signed off by the medical director. (The seed does not promise a grade-3 incident on every
        // day it runs, so their number is bounded, not fixed.)
        var incidents = await Data.InDbAsync(db => db.Incidents.AsNoTracking().Select(i => new { i.Grade, i.SignedOffAt }).ToListAsync());
        incidents.Count.ShouldBeGreaterThan(5);
        incidents.ShouldAllBe(i => i.Grade >= 1 && i.Grade <= 3);
        incidents.Count(i => i.Grade <= 2).ShouldBeGreaterThan(incidents.Count * 3 / 4);
        incidents.Where(i => i.SignedOffAt != null).ShouldAllBe(i => i.Grade == 3);
    }

    [Fact]
    public async Task The_demo_group_has_two_valid_locations_and_its_visits_are_spread_over_both()
    {
        await SeedAsync();
        var sites = await Data.InDbAsync(db => db.Locations.AsNoTracking().OrderBy(l => l.Code).ToListAsync());
        sites.Select(l => l.Code).ShouldBe(["MAD", "MID"]);
        foreach (var site in sites)
        {
            Should.NotThrow(() => Domain.Clinic.LocationRules.Check(site), site.Code); // complete box 32 facts
            site.IsActive.ShouldBeTrue();
        }
        var perSite = await Data.InDbAsync(db => db.Visits.GroupBy(v => v.LocationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        perSite.Keys.ShouldBe(sites.Select(l => l.Id), ignoreOrder: true);
        perSite[sites[1].Id].ShouldBeLessThan(perSite[sites[0].Id]); // Middleton is the smaller site
        perSite[sites[1].Id].ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task A_fresh_installation_gets_one_placeholder_location_so_visits_can_be_recorded()
    {
        using (var scope = Data.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureBasicsAsync();
        var only = (await Data.InDbAsync(db => db.Locations.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        (only.Code, only.IsActive).ShouldBe(("MAIN", true));
    }

    [Fact]
    public async Task Demo_sign_ins_exist_one_per_role()
    {
        await SeedAsync();
        var emails = await Data.InDbAsync(db => db.Users.Select(u => u.Email).ToListAsync());
        foreach (var s in DemoSeeder.SignIns) emails.ShouldContain(s.Email);
        DemoSeeder.SignIns.Select(s => s.Role).ShouldBe(Roles.All, ignoreOrder: true);
    }
}

[Collection(SqliteDataCollection.Name), Trait("Database", "Sqlite")]
public sealed class DemoSeederTests_Sqlite(SqliteData data) : DemoSeederTests(data);

[Collection(PostgreSqlDataCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DemoSeederTests_PostgreSql(PostgreSqlData data) : DemoSeederTests(data);

[Collection(SqlServerDataCollection.Name), Trait("Database", "SqlServer")]
public sealed class DemoSeederTests_SqlServer(SqlServerData data) : DemoSeederTests(data);
