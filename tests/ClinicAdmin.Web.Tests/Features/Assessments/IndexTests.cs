using System.Net;
using ClinicAdmin.Domain.Assessments;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Features.Assessments;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Assessments;

/// <summary>The patient's scores page, and through it the PatientScores and CourseOutcome components.</summary>
public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task The_chart_and_table_show_each_score_with_band_and_session_number()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var v1 = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 1, 10), session: 1);
        var v3 = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 5, 10), session: 3);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 9, 30), 21, v1.Id);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 5, 9, 40), 12, v3.Id);
        await ClinicalData.ScoreAsync(App, s, Instrument.Gad7, ClinicalData.Local(6, 1, 9, 30), 15, v1.Id);
        var client = await App.SignInAsync(Roles.MedicalDirector);

        var doc = await client.GetDocumentAsync($"/Assessments/Index?patientId={s.Patient.Id}");

        var phq = doc.QuerySelector("#score-chart-phq9")!;
        phq.GetAttribute("data-points").ShouldBe("2");
        phq.QuerySelector("polyline.score-line").ShouldNotBeNull();
        phq.QuerySelectorAll("circle.score-dot").Select(c => c.GetAttribute("data-total")).ShouldBe(["21", "12"]);
        phq.QuerySelectorAll("text.score-tick").Select(t => t.TextContent).ShouldContain(RecordText.Date(new DateOnly(2026, 6, 5)));
        phq.QuerySelectorAll("rect.score-band").Length.ShouldBe(5);
        doc.QuerySelector("#score-chart-gad7")!.GetAttribute("data-points").ShouldBe("1");
        var rows = doc.QuerySelectorAll("#scores-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        rows.Count.ShouldBe(3);
        rows[0].ShouldBe([RecordText.DateTime(new DateTime(2026, 6, 5, 9, 40, 0)), "PHQ-9", "12", "Moderate", "3", "Treatment-resistant depression"]);
        rows.ShouldContain(r => r[1] == "GAD-7" && r[2] == "15" && r[3] == "Severe" && r[4] == "1");
        doc.QuerySelector("#record-score").ShouldBeNull(); // the director reads, clinicians record
    }

    /// <summary>A long record: the table lists the latest 20 (newest first) with a way to all of them; the charts draw every score.</summary>
    [Fact]
    public async Task A_long_record_lists_the_latest_twenty_scores_and_charts_them_all()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        for (var day = 1; day <= 23; day++) await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, day, 9), day);
        var client = await App.SignInAsync(Roles.MedicalDirector);

        var doc = await client.GetDocumentAsync($"/Patients/Details?id={s.Patient.Id}&visits=all");
        doc.QuerySelector("#score-chart-phq9")!.QuerySelectorAll("circle.score-dot").Length.ShouldBe(23);
        var totals = doc.QuerySelectorAll("#scores-table tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        totals.ShouldBe(Enumerable.Range(4, 20).Reverse().Select(d => d.ToString()).ToList());
        var paging = doc.QuerySelector("#scores-paging")!;
        paging.TextContent.ShouldContain("The latest 20 of 23 scores");
        var all = paging.QuerySelector("a")!.GetAttribute("href")!;
        all.ShouldContain("scores=all");
        all.ShouldContain("visits=all", customMessage: "the other lists keep their choice");

        var everything = await client.GetDocumentAsync(all);
        everything.QuerySelectorAll("#scores-table tbody tr").Length.ShouldBe(23);
        everything.QuerySelector("#scores-paging")!.TextContent.ShouldContain("All 23 scores shown");
    }

    [Fact]
    public async Task A_course_shows_baseline_change_response_and_remission_with_their_definitions()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        // First treatment 1 June 10:00; the baseline is the last score on or before it (20, not the earlier 24).
        var first = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 1, 10), session: 1);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 10, 10), session: 6);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(5, 25, 10), 24);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 9, 30), 20, first.Id);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 5, 9, 30), 12);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 10, 9, 30), 4);
        await ClinicalData.ScoreAsync(App, s, Instrument.Gad7, ClinicalData.Local(6, 1, 9, 30), 10, first.Id);
        await ClinicalData.ScoreAsync(App, s, Instrument.Gad7, ClinicalData.Local(6, 10, 9, 30), 6);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Assessments/Index?patientId={s.Patient.Id}");

        var outcome = doc.QuerySelector($"#course-outcome-{s.Course.Id}")!;
        var phq = outcome.QuerySelector("tr[data-instrument=Phq9]")!;
        (phq.GetAttribute("data-baseline"), phq.GetAttribute("data-latest"), phq.GetAttribute("data-change")).ShouldBe(("20", "4", "-80.0"));
        (phq.GetAttribute("data-responder"), phq.GetAttribute("data-remitter")).ShouldBe(("true", "true"));
        phq.TextContent.ShouldContain("Responder");
        phq.TextContent.ShouldContain("In remission");
        phq.TextContent.ShouldContain("-80.0 %");
        var gad = outcome.QuerySelector("tr[data-instrument=Gad7]")!;
        (gad.GetAttribute("data-baseline"), gad.GetAttribute("data-latest"), gad.GetAttribute("data-change")).ShouldBe(("10", "6", "-40.0"));
        gad.GetAttribute("data-responder").ShouldBe(""); // response and remission are PHQ-9 measures
        var definitions = outcome.QuerySelector(".course-outcome-definitions")!.TextContent;
        definitions.ShouldContain(CourseOutcome.ResponseDefinition);
        definitions.ShouldContain(CourseOutcome.RemissionDefinition);
        outcome.TextContent.ShouldContain($"First treatment: {RecordText.DateTime(new DateTime(2026, 6, 1, 10, 0, 0))}");
    }

    [Fact]
    public async Task A_partial_reduction_is_neither_response_nor_remission()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 1, 10), session: 1);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 9, 0), 18);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 12, 9, 0), 10);
        var client = await App.SignInAsync(Roles.MedicalDirector);

        var doc = await client.GetDocumentAsync($"/Assessments/Index?patientId={s.Patient.Id}");

        var phq = doc.QuerySelector($"#course-outcome-{s.Course.Id} tr[data-instrument=Phq9]")!;
        (phq.GetAttribute("data-change"), phq.GetAttribute("data-responder"), phq.GetAttribute("data-remitter")).ShouldBe(("-44.4", "false", "false"));
    }

    [Fact]
    public async Task Without_a_score_before_the_first_treatment_there_is_no_baseline()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 1, 10), session: 1);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 11), 18);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Assessments/Index?patientId={s.Patient.Id}");

        var phq = doc.QuerySelector($"#course-outcome-{s.Course.Id} tr[data-instrument=Phq9]")!;
        phq.GetAttribute("data-baseline").ShouldBe("");
        phq.TextContent.ShouldContain("none before the first treatment");
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    public async Task Front_desk_and_practice_manager_cannot_read_scores(string role)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var a = await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 9), 12);
        var client = await App.SignInAsync(role);

        foreach (var url in new[] { $"/Assessments/Index?patientId={s.Patient.Id}", $"/Assessments/Details?id={a.Id}" })
        {
            var r = await client.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            r.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
        // The components render nothing for them, wherever a patient page includes them.
        ClinicalData.RendersNothing(await ClinicalData.InvokeAsAsync<PatientScoresViewComponent>(App, role, c => c.InvokeAsync(s.Patient.Id))).ShouldBeTrue();
        ClinicalData.RendersNothing(await ClinicalData.InvokeAsAsync<CourseOutcomeViewComponent>(App, role, c => c.InvokeAsync(s.Course.Id))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Clinical_readers_get_the_components(string role)
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 9), 12);

        ClinicalData.RendersNothing(await ClinicalData.InvokeAsAsync<PatientScoresViewComponent>(App, role, c => c.InvokeAsync(s.Patient.Id))).ShouldBeFalse();
        ClinicalData.RendersNothing(await ClinicalData.InvokeAsAsync<CourseOutcomeViewComponent>(App, role, c => c.InvokeAsync(s.Course.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_details_page_shows_each_item_answer()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var a = await ClinicalData.ScoreAsync(App, s, Instrument.Phq9, ClinicalData.Local(6, 1, 9), 10);
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Assessments/Details?id={a.Id}");

        doc.QuerySelector("#score-total")!.TextContent.ShouldBe("10");
        doc.QuerySelector("#score-band")!.TextContent.ShouldBe("Moderate");
        doc.QuerySelectorAll("#score-item-answers tbody tr").Length.ShouldBe(9);
        (await client.GetAsync("/Assessments/Details?id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Assessments/Index?patientId=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class IndexTests_SqlServer(SqlServerApp app) : IndexTests(app);
