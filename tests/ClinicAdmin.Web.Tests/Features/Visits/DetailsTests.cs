using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Visits;

public abstract class DetailsTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task Front_desk_sees_the_billing_lines_but_not_notes_doses_vitals_or_what_was_given()
    {
        var c = await SeedAsync(App);
        var visit = await AddVisitAsync(App, c, Today.AddDays(-1), notes: "Private clinical note", addOn: true, session: 1);
        await App.InsertAsync(new Payment { PatientId = c.Patient.Id, VisitId = visit.Id, Amount = 100m, Method = PaymentMethod.Card, ReceivedAt = Noon.UtcDateTime, RecordedBy = "desk" });
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Visits/Details?id={visit.Id}");

        var lines = doc.QuerySelector("#charge-lines")!.TextContent;
        lines.ShouldContain("IV ketamine infusion");
        lines.ShouldContain("Magnesium infusion");
        doc.QuerySelector("#visit-total")!.TextContent.ShouldBe("$449.00");
        doc.QuerySelector("#visit-balance")!.TextContent.ShouldBe("$349.00");
        doc.QuerySelector("#visit-clinical").ShouldBeNull();
        doc.QuerySelector(".line-detail").ShouldBeNull();
        var html = doc.DocumentElement.OuterHtml;
        html.ShouldNotContain("Private clinical note");
        html.ShouldNotContain("magnesium sulfate 1 g IV");
        html.ShouldNotContain("40 mg");
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Clinical_readers_see_dose_vitals_notes_and_add_on_details(string role)
    {
        var c = await SeedAsync(App);
        var visit = await AddVisitAsync(App, c, Today.AddDays(-1), notes: "Private clinical note", addOn: true, session: 1);
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync($"/Visits/Details?id={visit.Id}");
        doc.QuerySelector("#visit-dose")!.TextContent.ShouldBe("40 mg (0.50 mg/kg at 80.0 kg)");
        doc.QuerySelector("#visit-notes")!.TextContent.ShouldBe("Private clinical note");
        doc.QuerySelector("#visit-vitals")!.TextContent.ShouldContain("122/78");
        doc.QuerySelector(".line-detail")!.TextContent.ShouldContain("magnesium sulfate 1 g IV");
        doc.QuerySelector("#visit-when")!.TextContent.ShouldContain($"{RecordText.DateTime(new DateTime(2026, 6, 14, 10, 0, 0))} – {RecordText.Time(new DateTime(2026, 6, 14, 12, 0, 0))} (clinic time)");
    }

    [Fact]
    public async Task The_edit_button_is_offered_to_clinicians_only()
    {
        var c = await SeedAsync(App);
        var visit = await AddVisitAsync(App, c, Today.AddDays(-1));
        (await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Visits/Details?id={visit.Id}")).QuerySelector($"a[href='/Visits/Edit?id={visit.Id}']").ShouldNotBeNull();
        (await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync($"/Visits/Details?id={visit.Id}")).QuerySelector($"a[href='/Visits/Edit?id={visit.Id}']").ShouldBeNull();
    }

    [Fact]
    public async Task A_practice_manager_cannot_open_a_visit()
    {
        var c = await SeedAsync(App);
        var visit = await AddVisitAsync(App, c, Today.AddDays(-1));
        var response = await (await App.SignInAsync(Roles.PracticeManager)).GetAsync($"/Visits/Details?id={visit.Id}");
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_missing_visit_is_not_found()
    {
        (await (await App.SignInAsync(Roles.FrontDesk)).GetAsync("/Visits/Details?id=42")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DetailsTests_PostgreSql(PostgreSqlApp app) : DetailsTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DetailsTests_SqlServer(SqlServerApp app) : DetailsTests(app);
