using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Patients;

public abstract class DetailsTests(ClinicApp app) : PageTest(app)
{
    private async Task<(Clinic C, Visit V)> SeedStoryAsync()
    {
        var c = await SeedAsync(App);
        var v = await AddVisitAsync(App, c, Today.AddDays(-2), notes: "Private clinical note", addOn: true, session: 1);
        await App.InsertAsync(
            new Payment { PatientId = c.Patient.Id, VisitId = v.Id, Amount = 300m, Method = PaymentMethod.Card, ReceivedAt = Noon.UtcDateTime.AddDays(-2), RecordedBy = "desk" },
            new Payment { PatientId = c.Patient.Id, Amount = 49.5m, Method = PaymentMethod.CareCredit, ReceivedAt = Noon.UtcDateTime.AddDays(-1), RecordedBy = "desk" });
        return (c, v);
    }

    [Fact]
    public async Task Front_desk_sees_demographics_insurance_diagnoses_visits_charges_and_balance_but_nothing_clinical()
    {
        var (c, _) = await SeedStoryAsync();
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");

        doc.QuerySelector("#patient-name")!.TextContent.ShouldBe("Ada Testpatient");
        doc.QuerySelector("#patient-mrn")!.TextContent.ShouldBe("MRN-100001");
        doc.QuerySelector("#insurance")!.TextContent.ShouldContain("W123456789");
        doc.QuerySelector("#diagnoses")!.TextContent.ShouldContain("F33.2");
        doc.QuerySelector("#courses")!.TextContent.ShouldContain("Treatment-resistant depression");
        var visits = doc.QuerySelector("#visits")!.TextContent;
        visits.ShouldContain(RecordText.DateTime(new DateTime(2026, 6, 13, 10, 0, 0)));
        visits.ShouldContain("Magnesium infusion");
        visits.ShouldContain("$449.00");
        doc.QuerySelector("#balance-amount")!.TextContent.ShouldContain("$99.50");   // 449 - 300 - 49.50

        doc.QuerySelector(".visit-dose").ShouldBeNull();
        doc.QuerySelector(".line-detail").ShouldBeNull();
        doc.QuerySelector("#patient-scores").ShouldBeNull();
        doc.QuerySelector("#patient-incidents").ShouldBeNull();
        doc.QuerySelector("#record-visit").ShouldBeNull();
        var html = doc.DocumentElement.OuterHtml;
        html.ShouldNotContain("Private clinical note");
        html.ShouldNotContain("magnesium sulfate");
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Clinical_readers_also_see_doses_add_on_details_and_the_score_and_incident_sections(string role)
    {
        var (c, _) = await SeedStoryAsync();
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        doc.QuerySelector(".visit-dose")!.TextContent.ShouldContain("40 mg IV");
        doc.QuerySelector(".visit-dose")!.TextContent.ShouldContain("0.50 mg/kg");
        doc.QuerySelector(".line-detail")!.TextContent.ShouldContain("magnesium sulfate 1 g IV");
        doc.QuerySelector("#patient-scores").ShouldNotBeNull();
        doc.QuerySelector("#patient-incidents").ShouldNotBeNull();
        doc.QuerySelector($"#courses a[href='/Courses/Details?id={c.Course.Id}']").ShouldNotBeNull();
        (doc.QuerySelector("#record-visit") is not null).ShouldBe(role == Roles.Clinician);
    }

    [Fact]
    public async Task A_contraindication_shows_a_warning_banner()
    {
        var p = Patient();
        p.HasPsychosisHistory = true;
        p.IsPregnant = true;
        await App.InsertAsync(p);
        // Clinical roles see which; the front desk sees that there is one (Security/SmallLeaksTests).
        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Patients/Details?id={p.Id}");
        var warning = doc.QuerySelector("#contraindication-warning")!.TextContent;
        warning.ShouldContain("WARNING");
        warning.ShouldContain("History of psychosis, Pregnancy");
    }

    [Fact]
    public async Task No_banner_without_a_contraindication()
    {
        var p = Patient();
        await App.InsertAsync(p);
        (await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Patients/Details?id={p.Id}")).QuerySelector("#contraindication-warning").ShouldBeNull();
    }

    [Fact]
    public async Task A_practice_manager_cannot_open_a_patient()
    {
        var p = Patient();
        await App.InsertAsync(p);
        (await (await App.SignInAsync(Roles.PracticeManager)).GetAsync($"/Patients/Details?id={p.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_long_record_shows_the_latest_20_visits_with_a_link_to_all_and_the_balance_counts_every_visit()
    {
        FreezeClock(App);
        var c = await SeedAsync(App);
        for (var d = 1; d <= 22; d++) await AddVisitAsync(App, c, Today.AddDays(-d));
        var client = await App.SignInAsync(Roles.FrontDesk);

        var page = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        page.QuerySelectorAll("#visits tbody tr").Length.ShouldBe(20);
        page.QuerySelector("#visits tbody tr")!.TextContent.ShouldContain(RecordText.Date(Today.AddDays(-1))); // newest first
        page.QuerySelector("#visits-paging")!.TextContent.ShouldContain("The latest 20 of 22 visits");
        page.QuerySelector("#patient-sections a[href='#visits-h']").ShouldNotBeNull();
        page.QuerySelector("#patient-sections a[href='#patient-scores']").ShouldBeNull(); // the desk reads no scores
        var all = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}&visits=all");
        all.QuerySelectorAll("#visits tbody tr").Length.ShouldBe(22);
        // The balance is the whole record's, whatever the table shows.
        page.QuerySelector("#balance-amount")!.TextContent.ShouldContain("$8,778.00"); // 22 x $399, none paid
        all.QuerySelector("#balance-amount")!.TextContent.ShouldContain("$8,778.00");
    }

    [Fact]
    public async Task Payments_are_paged_like_visits_and_the_balance_counts_every_payment()
    {
        FreezeClock(App);
        var c = await SeedAsync(App);
        var visit = await AddVisitAsync(App, c, Today.AddDays(-1));
        // 23 payments of $10: the latest (the largest reference number) first.
        for (var i = 1; i <= 23; i++)
            await App.InsertAsync(new Payment { PatientId = c.Patient.Id, VisitId = visit.Id, Amount = 10m, Method = PaymentMethod.Card,
                ReceivedAt = Noon.UtcDateTime.AddDays(-30).AddHours(i), Reference = $"R{i:00}", RecordedBy = "desk" });
        var client = await App.SignInAsync(Roles.FrontDesk);

        var page = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        var rows = page.QuerySelectorAll("#payments tbody tr");
        rows.Length.ShouldBe(20);
        rows[0].TextContent.ShouldContain("R23");
        page.QuerySelector("#payments-paging")!.TextContent.ShouldContain("The latest 20 of 23 payments");
        page.QuerySelector("#balance-amount")!.TextContent.ShouldContain("$169.00"); // $399 less 23 x $10
        var all = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}&payments=all");
        all.QuerySelectorAll("#payments tbody tr").Length.ShouldBe(23);
        all.QuerySelector("#payments-paging")!.TextContent.ShouldContain("All 23 payments shown");
    }

    [Fact]
    public async Task A_missing_patient_is_not_found()
    {
        (await (await App.SignInAsync(Roles.FrontDesk)).GetAsync("/Patients/Details?id=5")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DetailsTests_PostgreSql(PostgreSqlApp app) : DetailsTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DetailsTests_SqlServer(SqlServerApp app) : DetailsTests(app);
