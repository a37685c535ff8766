using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Settings;

public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task The_practice_manager_reads_the_settings_as_they_print_on_bills()
    {
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Settings/Index");

        doc.QuerySelector("#clinic-name")!.TextContent.ShouldBe("Test Ketamine Clinic");
        doc.QuerySelector("#tax-id")!.TextContent.ShouldBe("12-3456789");
        doc.QuerySelector("#group-npi")!.TextContent.ShouldBe("1234567893");
        doc.QuerySelector("#time-zone")!.TextContent.ShouldContain("Central (America/Chicago)");
        doc.QuerySelector("#settings-missing").ShouldBeNull();
        doc.QuerySelector("#edit-settings").ShouldNotBeNull();
    }

    [Fact]
    public async Task Missing_superbill_facts_are_pointed_out()
    {
        await App.InDbAsync(db => db.ClinicSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.TaxId, "").SetProperty(x => x.GroupNpi, "")));

        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Settings/Index");

        var warning = doc.QuerySelector("#settings-missing")!.TextContent;
        warning.ShouldContain("Tax ID");
        warning.ShouldContain("group NPI");
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_cannot_open_the_settings(string role)
    {
        var response = await (await App.SignInAsync(role)).GetAsync("/Settings/Index");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);
