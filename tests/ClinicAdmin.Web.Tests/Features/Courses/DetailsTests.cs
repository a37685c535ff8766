using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Courses;

public abstract class DetailsTests(ClinicApp app) : PageTest(app)
{
    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Clinical_readers_see_the_sessions_with_numbers_and_doses(string role)
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-6), doseMg: 40m, session: 1);
        await AddVisitAsync(App, c, Today.AddDays(-3), doseMg: 48m, session: 2, addOn: true);
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/Courses/Details?id={c.Course.Id}");
        var rows = doc.QuerySelectorAll("#sessions tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain(RecordText.DateTime(new DateTime(2026, 6, 9, 10, 0, 0)));
        rows[0].ShouldContain("40 mg");
        rows[0].ShouldContain("0.50");
        rows[1].ShouldContain("48 mg");
        rows[1].ShouldContain("0.60");
        rows[1].ShouldContain("magnesium sulfate 1 g IV");
        doc.QuerySelector("#course-outcome").ShouldNotBeNull();
        doc.QuerySelector("#course-diagnoses")!.TextContent.ShouldContain("F33.2");
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    public async Task Non_clinical_roles_cannot_open_a_course(string role)
    {
        var c = await SeedAsync(App);
        (await (await App.SignInAsync(role)).GetAsync($"/Courses/Details?id={c.Course.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_missing_course_is_not_found()
    {
        (await (await App.SignInAsync(Roles.MedicalDirector)).GetAsync("/Courses/Details?id=9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DetailsTests_PostgreSql(PostgreSqlApp app) : DetailsTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DetailsTests_SqlServer(SqlServerApp app) : DetailsTests(app);
