using AngleSharp.Dom;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Catalog;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Features.Assessments;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Home;

/// <summary>The home page's work queues: each role sees what waits for it, as links to where it is done, and nothing it may not see.</summary>
public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    private static string[] QueuesOn(IDocument home) => home.QuerySelectorAll("[data-queue]").Select(e => e.GetAttribute("data-queue")!).ToArray();
    private static int CountOf(IDocument home, string queue) => int.Parse(home.QuerySelector($"[data-queue='{queue}'] [data-count]")!.GetAttribute("data-count")!);
    private static string TextOf(IDocument home, string queue) => home.QuerySelector($"[data-queue='{queue}']")!.TextContent;

    private async Task<IDocument> HomeOfAsync(string role) => await (await App.SignInAsync(role)).GetDocumentAsync("/");

    [Fact]
    public async Task Each_role_sees_only_its_own_queues()
    {
        ClinicalData.FreezeClock(App);
        QueuesOn(await HomeOfAsync(Roles.MedicalDirector)).ShouldBe(["incidents", "item9", "jobs"]);
        QueuesOn(await HomeOfAsync(Roles.Clinician)).ShouldBe(["item9", "appointments", "today", "scores", "jobs"]);
        QueuesOn(await HomeOfAsync(Roles.FrontDesk)).ShouldBe(["appointments", "balances", "superbills", "links", "jobs"]);
        QueuesOn(await HomeOfAsync(Roles.PracticeManager)).ShouldBe(["licences", "prices", "locked", "jobs"]);
    }

    [Fact]
    public async Task The_director_sees_an_incident_to_sign_off_and_an_item_9_alert_with_links_to_them()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var visit = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 9), session: 2);
        var grade3 = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 40), 3, visit.Id, IncidentType.Desaturation);
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 15, 9, 45), 1, visit.Id); // grade 1 needs no sign-off
        var alert = Assessment.Record(s.Patient.Id, s.Course.Id, visit.Id, Instrument.Phq9, ClinicalData.Local(6, 14, 9), [1, 1, 1, 1, 1, 1, 1, 1, 1]);
        var quiet = Assessment.Record(s.Patient.Id, s.Course.Id, null, Instrument.Phq9, ClinicalData.Local(6, 13, 9), [3, 3, 3, 3, 3, 3, 3, 3, 0]);
        var old = Assessment.Record(s.Patient.Id, s.Course.Id, null, Instrument.Phq9, ClinicalData.Local(5, 1, 9), [0, 0, 0, 0, 0, 0, 0, 0, 2]);
        await App.InsertAsync(alert, quiet, old);

        var home = await HomeOfAsync(Roles.MedicalDirector);

        CountOf(home, "incidents").ShouldBe(1);
        home.QuerySelector($"[data-queue='incidents'] a[href='/Incidents/Details?id={grade3.Id}']").ShouldNotBeNull();
        home.QuerySelector("[data-queue='incidents'] a[href*='review=needs']").ShouldNotBeNull();
        CountOf(home, "item9").ShouldBe(1); // the May one is outside the 14 days; the 27-point one has item 9 at 0
        home.QuerySelector($"[data-queue='item9'] a[href='/Assessments/Details?id={alert.Id}']")!.TextContent.ShouldContain("MRN-000101");
        // This month's figures: one session so far in June.
        home.QuerySelector("#month-figures [data-figure='sessions'] .figure-value")!.TextContent.Trim().ShouldBe("1");
        // The front desk never sees clinical queues, not even their counts.
        var desk = await HomeOfAsync(Roles.FrontDesk);
        desk.QuerySelector("[data-queue='item9']").ShouldBeNull();
        desk.QuerySelector("#month-figures").ShouldBeNull();
    }

    [Fact]
    public async Task The_clinician_sees_todays_sessions_and_the_ones_missing_a_phq9_until_it_is_recorded()
    {
        ClinicalData.FreezeClock(App); // Monday 2026-06-15, noon in Chicago
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var today = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 9), session: 3);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 12, 9), session: 2); // last Friday: not this week

        var home = await HomeOfAsync(Roles.Clinician);
        CountOf(home, "today").ShouldBe(1);
        home.QuerySelector($"[data-queue='today'] a[href='/Visits/Details?id={today.Id}']").ShouldNotBeNull();
        CountOf(home, "scores").ShouldBe(1);
        home.QuerySelector($"[data-queue='scores'] a[href*='/Assessments/Create?patientId={s.Patient.Id}&visitId={today.Id}']").ShouldNotBeNull();

        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 15, 9, 5), 12, today.Id);
        CountOf(await HomeOfAsync(Roles.Clinician), "scores").ShouldBe(0);
        TextOf(await HomeOfAsync(Roles.Clinician), "scores").ShouldContain("Every session this week has its PHQ-9");
    }

    [Fact]
    public async Task The_front_desk_sees_a_balance_due_to_the_cent_and_a_superbill_to_send()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var service = new Service { Name = "IV ketamine infusion", Category = ServiceCategory.Infusion, BillingCode = "96365" };
        await App.InsertAsync(service);
        var visit = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 10, 9), session: 1);
        await App.InsertAsync(new ChargeLine { VisitId = visit.Id, ServiceId = service.Id, Code = "96365", Description = "IV ketamine infusion", Units = 1, UnitPrice = 399m, Amount = 399m });
        await App.InsertAsync(new Payment { PatientId = s.Patient.Id, VisitId = visit.Id, Amount = 100.01m, Method = PaymentMethod.Card, ReceivedAt = ClinicalData.Local(6, 10, 11), RecordedBy = "desk" });

        var home = await HomeOfAsync(Roles.FrontDesk);

        CountOf(home, "balances").ShouldBe(1);
        home.QuerySelector($"[data-queue='balances'] a[href='/Patients/Details?id={s.Patient.Id}']")!.ParentElement!.TextContent.ShouldContain("$298.99");
        CountOf(home, "superbills").ShouldBe(1);
    }

    [Fact]
    public async Task The_manager_sees_an_expiring_licence_a_scheduled_price_and_a_locked_account()
    {
        ClinicalData.FreezeClock(App);
        var expiring = new StaffMember { FirstName = "Maya", LastName = "Lindqvist", Credentials = "MD", Title = "Physician", StartDate = new DateOnly(2024, 1, 1), LicenseExpiresOn = new DateOnly(2026, 7, 1) };
        var leaving = new StaffMember { FirstName = "Leo", LastName = "Leaving", Credentials = "RN", Title = "Nurse", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2026, 6, 20), LicenseExpiresOn = new DateOnly(2026, 7, 1) };
        var service = new Service { Name = "IV ketamine infusion", Category = ServiceCategory.Infusion, BillingCode = "96365" };
        service.AddHistoricalPrice(375m, new DateOnly(2026, 1, 1), "test", null, ClinicalData.Noon.UtcDateTime);
        service.SetPrice(399m, new DateOnly(2026, 7, 1), ClinicalData.Today, "test", "New year", ClinicalData.Noon.UtcDateTime);
        await App.InsertAsync(expiring, leaving, service);
        var frontDesk = ClinicApp.EmailOf[Roles.FrontDesk];
        await App.InDbAsync(db => db.Users.Where(u => u.Email == frontDesk).ExecuteUpdateAsync(x => x.SetProperty(u => u.LockoutEnd, ClinicalData.Noon.AddMinutes(10))));

        var home = await HomeOfAsync(Roles.PracticeManager);

        CountOf(home, "licences").ShouldBe(1); // Leo leaves before his licence expires
        TextOf(home, "licences").ShouldContain("Maya Lindqvist");
        TextOf(home, "licences").ShouldContain(RecordText.Date(new DateOnly(2026, 7, 1)));
        CountOf(home, "prices").ShouldBe(1);
        home.QuerySelector($"[data-queue='prices'] a[href='/Pricing/Details?id={service.Id}']")!.ParentElement!.TextContent.ShouldContain("$399.00");
        CountOf(home, "locked").ShouldBe(1);
        TextOf(home, "locked").ShouldContain(frontDesk);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class IndexTests_SqlServer(SqlServerApp app) : IndexTests(app);
