using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Outcomes;

public abstract class ReportsPagesTests(ClinicApp app) : PageTest(app)
{
    public static TheoryData<string> OtherRoles => new() { Roles.PracticeManager, Roles.Clinician, Roles.FrontDesk };

    [Theory]
    [InlineData("/Outcomes/Dashboard")]
    [InlineData("/Outcomes/Index")]
    public async Task Only_the_medical_director_opens_the_reports(string url)
    {
        var md = await App.SignInAsync(Roles.MedicalDirector);
        await md.GetDocumentAsync(url);
        foreach (var role in new[] { Roles.PracticeManager, Roles.Clinician, Roles.FrontDesk })
        {
            var other = await App.SignInAsync(role);
            var response = await other.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, role);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Other_roles_cannot_generate_a_workbook(string role)
    {
        var client = await App.SignInAsync(role);
        var response = await client.PostAsync("/Outcomes/Index?handler=Generate", new() { ["Input.Month"] = "2026-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await App.InDbAsync(db => db.JobRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Generating_queues_the_month_and_a_second_request_while_it_runs_does_not_make_a_second_version()
    {
        App.Clock.Set(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var md = await App.SignInAsync(Roles.MedicalDirector);
        var response = await md.SubmitAsync("/Outcomes/Index", new() { ["Input.Month"] = "2026-02" }, "#generate-form");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("/Outcomes?job=");
        var runs = await App.InDbAsync(db => db.JobRuns.AsNoTracking().Select(r => r.RequestKey).ToListAsync());
        runs.ShouldContain("workbook:2026-02:v1");
        runs.Count.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_missed_scheduled_month_is_explained_with_the_failed_runs_error_and_a_button_queues_it()
    {
        // 3 March, 06:00 in Chicago: the 1 March 02:00 run should have made February's workbook.
        App.Clock.Set(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        var md = await App.SignInAsync(Roles.MedicalDirector);
        (await md.GetDocumentAsync("/Outcomes/Index")).QuerySelector("#missed-month")!.TextContent
            .ShouldContain($"The scheduled run on {RecordText.Date(new DateOnly(2026, 3, 1))} made no workbook: it has not run yet");

        var failed = JobRun.Request(Web.Features.Outcomes.OutcomeWorkbookJob.KindName, Web.Features.Outcomes.OutcomeWorkbookJob.RequestKeyOf(2026, 2, 1),
            "{}", "Outcome workbook 2026-02 v1", null, "schedule", null, 1, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        failed.Start("test", new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        failed.Fail("The database was not reachable.", permanent: true, new DateTime(2026, 3, 1, 8, 1, 0, DateTimeKind.Utc), TimeSpan.FromSeconds(1));
        await App.InsertAsync(failed);
        var page = await md.GetDocumentAsync("/Outcomes/Index");
        page.QuerySelector("#missed-month")!.TextContent.ShouldContain($"The scheduled run on {RecordText.Date(new DateOnly(2026, 3, 1))} made no workbook: The database was not reachable.");

        var response = await md.SubmitAsync(page, "/Outcomes/Index?handler=Generate", new(), "#missed-month form");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/Outcomes?job=");
        var queued = await App.InDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == int.Parse(location.Substring("/Outcomes?job=".Length))));
        queued.RequestKey.ShouldStartWith(Web.Features.Outcomes.OutcomeWorkbookJob.PrefixOf(2026, 2, null));
        var back = await md.GetDocumentAsync(location);
        back.QuerySelector("#job-box")!.GetAttribute("aria-live").ShouldBe("polite");
    }

    [Fact]
    public async Task Before_the_scheduled_hour_or_with_the_months_workbook_there_is_no_missed_month_message()
    {
        var md = await App.SignInAsync(Roles.MedicalDirector);
        // 15 February: the last run (1 February) covered January, which has a group workbook.
        App.Clock.Set(new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.Zero));
        await App.InsertAsync(new Domain.Documents.GeneratedDocument
        {
            Kind = Domain.Documents.DocumentKind.OutcomeWorkbook, PeriodStart = new DateOnly(2026, 1, 1), Version = 1,
            RequestKey = Web.Features.Outcomes.OutcomeWorkbookJob.RequestKeyOf(2026, 1, 1), DocumentNumber = "WB-2026-01",
            FileName = "outcomes-2026-01.xlsx", ContentType = "application/octet-stream", Content = [1, 2, 3], CreatedBy = "schedule",
            CreatedAt = new DateTime(2026, 2, 1, 8, 5, 0, DateTimeKind.Utc),
        });
        (await md.GetDocumentAsync("/Outcomes/Index")).QuerySelector("#missed-month").ShouldBeNull();
    }

    [Theory]
    [InlineData("", "Choose a month.")]
    [InlineData("Feb 2026", "Use the form YYYY-MM")]
    [InlineData("2026-13", "Use the form YYYY-MM")]
    [InlineData("2026-04", "has not started yet")]
    public async Task A_bad_month_is_refused_with_a_message_and_kept(string month, string message)
    {
        App.Clock.Set(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var md = await App.SignInAsync(Roles.MedicalDirector);
        var response = await md.SubmitAsync("/Outcomes/Index", new() { ["Input.Month"] = month }, "#generate-form");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Month").ShouldNotBeNull().ShouldContain(message);
        ClinicClient.ValueOf(doc, "Input.Month").ShouldBe(month);
        (await App.InDbAsync(db => db.JobRuns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_dashboard_shows_the_figures_and_two_svg_charts()
    {
        App.Clock.Set(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var md = await App.SignInAsync(Roles.MedicalDirector);
        var doc = await md.GetDocumentAsync("/Outcomes/Dashboard?Month=2026-02");
        doc.QuerySelector("h1")!.TextContent.ShouldContain("2026-02");
        doc.QuerySelector("#summary tr[data-figure=sessions]")!.TextContent.ShouldContain("0");
        doc.QuerySelector("svg#chart-rates").ShouldNotBeNull();
        doc.QuerySelector("svg#chart-incidents").ShouldNotBeNull();
        doc.QuerySelectorAll("svg#chart-rates text.trend-axis").Select(t => t.TextContent).ShouldContain("Feb '26");
    }

    [Fact]
    public async Task The_dashboard_shows_a_change_to_the_month_at_the_next_view_even_though_it_keeps_figures_in_memory()
    {
        App.Clock.Set(new DateTimeOffset(2026, 7, 20, 12, 0, 0, TimeSpan.Zero));
        var c = await Features.Patients.RecordData.SeedAsync(App);
        await Features.Patients.RecordData.AddVisitAsync(App, c, new DateOnly(2026, 6, 10));
        var md = await App.SignInAsync(Roles.MedicalDirector);
        static string Sessions(AngleSharp.Dom.IDocument d) => d.QuerySelector("#summary tr[data-figure=sessions] td.text-end")!.TextContent.Trim();

        Sessions(await md.GetDocumentAsync("/Outcomes/Dashboard?Month=2026-06")).ShouldBe("1");
        Sessions(await md.GetDocumentAsync("/Outcomes/Dashboard?Month=2026-06")).ShouldBe("1"); // from memory
        await Features.Patients.RecordData.AddVisitAsync(App, c, new DateOnly(2026, 6, 12)); // an audited save
        Sessions(await md.GetDocumentAsync("/Outcomes/Dashboard?Month=2026-06")).ShouldBe("2");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class ReportsPagesTests_Sqlite(SqliteApp app) : ReportsPagesTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class ReportsPagesTests_PostgreSql(PostgreSqlApp app) : ReportsPagesTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class ReportsPagesTests_SqlServer(SqlServerApp app) : ReportsPagesTests(app);
