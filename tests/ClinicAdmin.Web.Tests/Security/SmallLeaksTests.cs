using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>Issue 13, finding 12: small leaks of patient data into job titles, addresses, and pages a role should not read.</summary>
public abstract class SmallLeaksTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task Job_titles_name_the_patient_by_id_not_by_MRN()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-3), session: 1);
        var response = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Superbills/Request?patientId={c.Patient.Id}",
            new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = c.Course.Id.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var title = await App.InDbAsync(db => db.JobRuns.Select(r => r.Title).SingleAsync());
        title.ShouldNotContain(c.Patient.Mrn);
        title.ShouldContain($"patient #{c.Patient.Id}");
    }

    [Fact]
    public async Task Front_desk_sees_the_same_neutral_screening_flag_on_the_patient_and_the_visit_page()
    {
        var p = Patient();
        p.HasPsychosisHistory = true;
        var c = await SeedAsync(App, patient: p);
        var v = await AddVisitAsync(App, c, Today.AddDays(-1), session: 1);
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var flags = new[]
        {
            (await desk.GetDocumentAsync($"/Patients/Details?id={p.Id}")).QuerySelector("#contraindication-warning")?.TextContent.Trim(),
            (await desk.GetDocumentAsync($"/Visits/Details?id={v.Id}")).QuerySelector("#contraindication-warning")?.TextContent.Trim(),
        };
        flags.ShouldAllBe(f => f != null && f.Contains("screening flag on file") && !f.Contains("psychosis", StringComparison.OrdinalIgnoreCase));
        flags.Distinct().ShouldHaveSingleItem();

        // Clinical roles see which contraindication, on both pages alike.
        var clinician = await App.SignInAsync(Roles.Clinician);
        var named = new[]
        {
            (await clinician.GetDocumentAsync($"/Patients/Details?id={p.Id}")).QuerySelector("#contraindication-warning")!.TextContent.Trim(),
            (await clinician.GetDocumentAsync($"/Visits/Details?id={v.Id}")).QuerySelector("#contraindication-warning")!.TextContent.Trim(),
        };
        named.ShouldAllBe(f => f.Contains("History of psychosis"));
        named.Distinct().ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("Testpatient, Ada")]
    [InlineData("1980-02-03")]
    public async Task Patient_search_keeps_names_and_dates_of_birth_out_of_the_address(string typed)
    {
        await App.InsertAsync(Patient());
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var response = await desk.SubmitAsync("/Patients/Index", new() { ["q"] = typed }, "form.patient-search");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var address = response.Headers.Location!.ToString();
        foreach (var part in new[] { "Testpatient", "1980", "02-03" })
            Uri.UnescapeDataString(address).ShouldNotContain(part, Case.Insensitive);
        var results = await desk.GetDocumentAsync(address);
        results.QuerySelector("#patients tbody")!.TextContent.ShouldContain("Testpatient");
        ClinicClient.ValueOf(results, "q").ShouldBe(typed);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class SmallLeaksTests_Sqlite(SqliteApp app) : SmallLeaksTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class SmallLeaksTests_PostgreSql(PostgreSqlApp app) : SmallLeaksTests(app);
