using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Web.Features.Incidents;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Assessments;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Incidents;

/// <summary>The incidents list (filters, awaiting-review count, rate per 100 sessions), the details page and the PatientIncidents component.</summary>
public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    private static int[] Ids(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("#incidents-table tbody tr").Select(r => int.Parse(r.GetAttribute("data-incident-id")!)).ToArray();

    [Fact]
    public async Task The_rate_per_100_sessions_counts_incidents_and_visits_by_clinic_date()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        // Period 1–10 June, clinic time (Chicago, UTC−5).
        // 8 visits inside, including both edges of the period in local time.
        var inside = new[]
        {
            ClinicalData.Local(6, 1, 0, 15), ClinicalData.Local(6, 2, 10), ClinicalData.Local(6, 3, 10), ClinicalData.Local(6, 4, 10),
            ClinicalData.Local(6, 5, 10), ClinicalData.Local(6, 8, 10), ClinicalData.Local(6, 9, 10), ClinicalData.Local(6, 10, 23, 30),
        };
        foreach (var at in inside) await ClinicalData.VisitAsync(App, s, at);
        // Outside: 31 May 23:50 local is 1 June in UTC; 11 June 00:10 local.
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(5, 31, 23, 50));
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 11, 0, 10));
        // 3 incidents inside (one late on 10 June local = 11 June UTC), 2 outside.
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 2, 10, 30));
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 5, 10, 40), 2);
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 10, 23, 45), 3);
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(5, 31, 23, 55));
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 11, 0, 20));
        var client = await App.SignInAsync(Roles.MedicalDirector);

        var doc = await client.GetDocumentAsync("/Incidents/Index?from=2026-06-01&to=2026-06-10");

        // 3 / 8 × 100 = 37.5
        var rate = doc.QuerySelector("#incident-rate")!;
        (rate.GetAttribute("data-incidents"), rate.GetAttribute("data-sessions"), rate.GetAttribute("data-rate")).ShouldBe(("3", "8", "37.5"));
        doc.QuerySelector("#incident-rate-value")!.TextContent.ShouldBe("37.5");
        doc.QuerySelector("#incident-rate-n")!.TextContent.ShouldBe("n = 3");
        doc.QuerySelector("#incident-rate-sessions")!.TextContent.ShouldBe("N = 8");
        Ids(doc).Length.ShouldBe(3);

        // Grade filter narrows the numerator only: 1 grade-3 incident in 8 sessions = 12.5.
        var grade3 = await client.GetDocumentAsync("/Incidents/Index?from=2026-06-01&to=2026-06-10&grade=3");
        grade3.QuerySelector("#incident-rate")!.GetAttribute("data-rate").ShouldBe("12.5");
    }

    [Fact]
    public async Task The_rate_for_one_provider_counts_only_their_sessions_and_incidents()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var nurse = await ClinicalData.ProviderAsync(App, "Jenna", "Okafor");
        var a1 = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 2, 10));
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 3, 10));
        var b1 = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 4, 10), provider: nurse);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 5, 10), provider: nurse);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 6, 10), provider: nurse);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 7, 10), provider: nurse);
        await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 2, 10, 20), visitId: a1.Id);
        var theirs = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 4, 10, 20), visitId: b1.Id);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Incidents/Index?from=2026-06-01&to=2026-06-10&provider={nurse.Id}");

        Ids(doc).ShouldBe([theirs.Id]);
        doc.QuerySelector("#incident-rate")!.GetAttribute("data-rate").ShouldBe("25.0"); // 1 / 4 × 100
    }

    [Fact]
    public async Task Filters_by_type_grade_and_review_state()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var nausea = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 10, 10), 1);
        var desat = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 11, 10), 3, type: IncidentType.Desaturation);
        var signed = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 12, 10), 3, type: IncidentType.Hypertension, signedBy: "Dr. Director");
        var serious = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 13, 10), 2, type: IncidentType.AnxietyAgitation, serious: SeriousCriteria.Hospitalisation);
        var old = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(4, 1, 10), 4, type: IncidentType.Sedation);
        var client = await App.SignInAsync(Roles.MedicalDirector);

        Ids(await client.GetDocumentAsync("/Incidents/Index")).ShouldBe([serious.Id, signed.Id, desat.Id, nausea.Id]); // last 30 days, newest first
        Ids(await client.GetDocumentAsync("/Incidents/Index?type=Desaturation")).ShouldBe([desat.Id]);
        Ids(await client.GetDocumentAsync("/Incidents/Index?grade=3")).ShouldBe([signed.Id, desat.Id]);
        Ids(await client.GetDocumentAsync("/Incidents/Index?review=needs")).ShouldBe([serious.Id, desat.Id]);
        Ids(await client.GetDocumentAsync("/Incidents/Index?review=signed")).ShouldBe([signed.Id]);
        Ids(await client.GetDocumentAsync("/Incidents/Index?review=flagged")).ShouldBe([serious.Id, signed.Id, desat.Id]);
        Ids(await client.GetDocumentAsync("/Incidents/Index?from=2026-03-01&to=2026-04-30")).ShouldBe([old.Id]);

        // The awaiting count covers every date, so a filter cannot hide work for the director.
        var list = await client.GetDocumentAsync("/Incidents/Index?type=NauseaVomiting");
        list.QuerySelector("#awaiting-review-count")!.TextContent.ShouldBe("3");
        var showThem = list.QuerySelector("#awaiting-review a")!.GetAttribute("href")!;
        showThem.ShouldContain("from=2026-04-01");
        Ids(await client.GetDocumentAsync(showThem)).ShouldBe([serious.Id, desat.Id, old.Id]);
    }

    [Fact]
    public async Task Swapped_dates_are_put_in_order_with_a_note()
    {
        ClinicalData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync("/Incidents/Index?from=2026-06-10&to=2026-06-01");

        doc.QuerySelector(".alert-warning")!.TextContent.ShouldContain("swapped");
        ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#from")!).Value.ShouldBe("2026-06-01");
        doc.QuerySelector("#incident-rate-value")!.TextContent.ShouldBe("—"); // no sessions: no rate rather than a division by zero
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    public async Task Front_desk_and_practice_manager_cannot_see_incidents(string role)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var i = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 10, 10));
        var client = await App.SignInAsync(role);

        foreach (var url in new[] { "/Incidents/Index", $"/Incidents/Details?id={i.Id}" })
            (await client.GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        ClinicalData.RendersNothing(await ClinicalData.InvokeAsAsync<PatientIncidentsViewComponent>(App, role, c => c.InvokeAsync(s.Patient.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_patient_component_lists_incidents_with_grade_and_review_state()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var mild = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 10, 10), 1);
        var severe = await ClinicalData.IncidentAsync(App, s, ClinicalData.Local(6, 11, 10), 3, type: IncidentType.Desaturation);

        var result = await ClinicalData.InvokeAsAsync<PatientIncidentsViewComponent>(App, Roles.Clinician, c => c.InvokeAsync(s.Patient.Id));

        var model = (PatientIncidentsViewComponent.Model)((Microsoft.AspNetCore.Mvc.ViewComponents.ViewViewComponentResult)result).ViewData!.Model!;
        model.Rows.Select(r => (r.Id, r.Grade, IncidentText.ReviewState(r.Grade, r.Serious, r.SignedOffAt))).ShouldBe([(severe.Id, 3, "Needs review"), (mild.Id, 1, (string?)null)]);
        model.CanRecord.ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_incident_is_not_found()
    {
        var client = await App.SignInAsync(Roles.MedicalDirector);
        foreach (var page in new[] { "Details", "SignOff", "Addendum" })
            (await client.GetAsync($"/Incidents/{page}?id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);
