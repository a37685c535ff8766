using System.Net;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Settings;

/// <summary>
/// One clinic setting decides how every page writes dates and times; the manager changes it on the settings page and the
/// next page follows (the cached setting is forgotten on save).
/// </summary>
public abstract class DateStyleTests(ClinicApp app) : PageTest(app)
{
    // 7 December: a day that reads as another date in the other order (12/07 vs 07/12).
    private static readonly DateOnly Birthday = new(1980, 12, 7);

    private async Task<int> SeedPatientAsync()
    {
        var patient = Patient();
        patient.DateOfBirth = Birthday;
        var c = await SeedAsync(App, patient: patient);
        await AddVisitAsync(App, c, Today.AddDays(-2), hour: 14);
        // Monday 7 December 2026, 2:30 PM in Chicago (CST, UTC-6).
        App.Clock.Set(new DateTimeOffset(2026, 12, 7, 20, 30, 0, TimeSpan.Zero));
        return c.Patient.Id;
    }

    private async Task SaveStyleAsync(ClinicClient manager, DateStyle style)
    {
        var response = await manager.SubmitAsync("/Settings/Edit", new() { ["Input.DateStyle"] = style.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData(null, "born 12/07/1980", "06/13/2026 2:00 PM", "12/07/2026 2:30 PM", "en-US")]
    [InlineData(DateStyle.UnitedStates, "born 12/07/1980", "06/13/2026 2:00 PM", "12/07/2026 2:30 PM", "en-US")]
    [InlineData(DateStyle.International, "born 07/12/1980", "13/06/2026 14:00", "07/12/2026 14:30", "en-GB")]
    [InlineData(DateStyle.Iso, "born 1980-12-07", "2026-06-13 14:00", "2026-12-07 14:30", "en-CA")]
    public async Task Pages_write_dates_and_times_in_the_style_the_manager_chose(DateStyle? style, string born, string visit, string now, string lang)
    {
        var patientId = await SeedPatientAsync();
        var manager = await App.SignInAsync(Roles.PracticeManager);
        if (style is { } s) await SaveStyleAsync(manager, s);

        var settings = await manager.GetDocumentAsync("/Settings/Index");
        settings.QuerySelector("#time-zone")!.TextContent.ShouldContain($"clinic time now {now}");
        settings.DocumentElement.GetAttribute("lang").ShouldBe(lang);

        var desk = await App.SignInAsync(Roles.FrontDesk);
        var page = await desk.GetDocumentAsync($"/Patients/Details?id={patientId}");
        page.Body!.TextContent.ShouldContain(born);
        page.QuerySelector("#visits")!.TextContent.ShouldContain(visit);
        page.DocumentElement.GetAttribute("lang").ShouldBe(lang);
    }

    [Fact]
    public async Task The_default_is_the_US_style_and_the_change_is_audited_with_its_label()
    {
        (await App.InDbAsync(db => db.ClinicSettings.AsNoTracking().SingleAsync())).DateStyle.ShouldBe(DateStyle.UnitedStates);
        var manager = await App.SignInAsync(Roles.PracticeManager);
        var form = await manager.GetDocumentAsync("/Settings/Edit");
        form.QuerySelector("#Input_DateStyle option[selected]")!.TextContent.ShouldBe("US: 12/31/2026, 2:30 PM");

        await SaveStyleAsync(manager, DateStyle.International);

        (await App.InDbAsync(db => db.ClinicSettings.AsNoTracking().SingleAsync())).DateStyle.ShouldBe(DateStyle.International);
        (await manager.GetDocumentAsync("/Settings/Index")).QuerySelector("#date-style")!.TextContent.ShouldBe("International: 31/12/2026, 14:30");
        var audit = (await manager.GetDocumentAsync("/Audit/Index?EntityType=ClinicSettings")).Body!.TextContent;
        audit.ShouldContain("US: 12/31/2026, 2:30 PM");
        audit.ShouldContain("International: 31/12/2026, 14:30");
    }

    [Fact]
    public async Task A_style_outside_the_list_is_refused_with_a_message_and_nothing_changes()
    {
        var manager = await App.SignInAsync(Roles.PracticeManager);
        var response = await manager.SubmitAsync("/Settings/Edit", new() { ["Input.DateStyle"] = "Klingon" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.DateStyle").ShouldNotBeNull().ShouldNotBeEmpty();
        (await App.InDbAsync(db => db.ClinicSettings.AsNoTracking().SingleAsync())).DateStyle.ShouldBe(DateStyle.UnitedStates);
    }

    [Theory]
    [InlineData(DateStyle.UnitedStates, "12/07/1980", true)]
    [InlineData(DateStyle.UnitedStates, "07/12/1980", false)]  // 12 July in the US style
    [InlineData(DateStyle.International, "07/12/1980", true)]
    [InlineData(DateStyle.International, "12/07/1980", false)] // 12 July in the international style
    [InlineData(DateStyle.Iso, "1980-12-07", true)]
    [InlineData(DateStyle.International, "1980-12-07", true)]  // ISO is understood in every style
    public async Task Patient_search_reads_a_typed_date_of_birth_in_the_clinic_style(DateStyle style, string typed, bool found)
    {
        await SeedPatientAsync();
        await SaveStyleAsync(await App.SignInAsync(Roles.PracticeManager), style);

        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Patients/Index?q=" + Uri.EscapeDataString(typed));

        doc.QuerySelectorAll("#patients tbody tr td:first-child a").Select(a => a.TextContent.Trim()).Contains("Testpatient, Ada").ShouldBe(found);
    }

    [Fact]
    public async Task The_search_hint_names_the_order_of_the_clinic_style()
    {
        await SaveStyleAsync(await App.SignInAsync(Roles.PracticeManager), DateStyle.International);
        var doc = await (await App.SignInAsync(Roles.FrontDesk)).GetDocumentAsync("/Patients/Index?q=" + Uri.EscapeDataString("13/45/1980"));
        doc.QuerySelector("#search-problem")!.TextContent.ShouldContain("dd/mm/yyyy or yyyy-mm-dd");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DateStyleTests_Sqlite(SqliteApp app) : DateStyleTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DateStyleTests_PostgreSql(PostgreSqlApp app) : DateStyleTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DateStyleTests_SqlServer(SqlServerApp app) : DateStyleTests(app);
