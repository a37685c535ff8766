using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features;

/// <summary>Empty lists look the same everywhere and offer the next step to those who may take it (PageKit/EmptyStateTagHelper).</summary>
public abstract class EmptyStateTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task A_new_patient_offers_the_clinician_the_first_visit_and_course_but_not_the_front_desk()
    {
        FreezeClock(App);
        var p = Patient();
        await App.InsertAsync(p);

        var clinician = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Patients/Details?id={p.Id}");
        var visits = clinician.QuerySelector("#no-visits.empty-state")!;
        visits.QuerySelector(".empty-state-text")!.TextContent.ShouldBe("No visits yet.");
        visits.QuerySelector("i.bi")!.GetAttribute("aria-hidden").ShouldBe("true");
        visits.QuerySelector("a.empty-state-action")!.GetAttribute("href").ShouldBe($"/Visits/Edit?patientId={p.Id}");
        clinician.QuerySelector("#no-courses a.empty-state-action")!.GetAttribute("href").ShouldBe($"/Courses/Edit?patientId={p.Id}");

        var desk = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync($"/Patients/Details?id={p.Id}");
        desk.QuerySelector("#no-visits.empty-state").ShouldNotBeNull();
        desk.QuerySelector("#no-visits a").ShouldBeNull();   // the desk records no visits: no dead-end button
        desk.QuerySelector("#no-courses a").ShouldBeNull();
    }

    [Fact]
    public async Task Filters_that_match_nothing_offer_a_way_back()
    {
        var manager = await App.SignInAsync(Roles.PracticeManager);
        var staff = await manager.GetDocumentAsync("/Staff/Index?q=nobody-by-this-name");
        staff.QuerySelector("#no-staff .empty-state-text")!.TextContent.ShouldBe("No one matches these filters.");
        staff.QuerySelector("#no-staff a.empty-state-action")!.GetAttribute("href").ShouldBe("/Staff?status=all");

        var audit = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync("/Audit/Index?UserName=nobody%40example.org");
        audit.QuerySelector("#no-entries a.empty-state-action")!.GetAttribute("href").ShouldBe("/Audit");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EmptyStateTests_Sqlite(SqliteApp app) : EmptyStateTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EmptyStateTests_PostgreSql(PostgreSqlApp app) : EmptyStateTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EmptyStateTests_SqlServer(SqlServerApp app) : EmptyStateTests(app);
