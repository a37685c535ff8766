using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Jobs;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

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
        response.Headers.Location!.ToString().ShouldContain("/Jobs");
        var runs = await App.InDbAsync(db => db.JobRuns.AsNoTracking().Select(r => r.RequestKey).ToListAsync());
        runs.ShouldContain("workbook:2026-02:v1");
        runs.Count.ShouldBeLessThanOrEqualTo(2);
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
