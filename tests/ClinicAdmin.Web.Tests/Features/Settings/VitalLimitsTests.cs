using System.Net;
using ClinicAdmin.Domain.Clinic;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Settings;

public abstract class VitalLimitsTests(ClinicApp app) : PageTest(app)
{
    private const string Url = "/Settings/VitalLimits";

    private Task<ClinicSettings> SettingsAsync() => App.InDbAsync(db => db.ClinicSettings.AsNoTracking().SingleAsync());

    [Fact]
    public async Task The_form_starts_with_the_usual_holding_parameters_and_the_manager_saves_new_ones_audited()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var doc = await client.GetDocumentAsync(Url);
        ClinicClient.ValueOf(doc, "Input.SystolicAtOrAbove").ShouldBe("160");
        ClinicClient.ValueOf(doc, "Input.DiastolicAtOrAbove").ShouldBe("100");
        ClinicClient.ValueOf(doc, "Input.HeartRateAtOrAbove").ShouldBe("110");
        ClinicClient.ValueOf(doc, "Input.HeartRateAtOrBelow").ShouldBe("50");
        ClinicClient.ValueOf(doc, "Input.SpO2Below").ShouldBe("92");

        var response = await client.SubmitAsync(doc, Url, new() { ["Input.SystolicAtOrAbove"] = "150", ["Input.SpO2Below"] = "94" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Settings");
        var limits = (await SettingsAsync()).VitalLimits;
        (limits.SystolicAtOrAbove, limits.DiastolicAtOrAbove, limits.SpO2Below).ShouldBe((150, 100, 94));
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType.StartsWith("ClinicSettings")).ToListAsync());
        audit.ShouldContain(a => a.After != null && a.After.Contains("150") && a.Before != null && a.Before.Contains("160"));
        (await client.GetDocumentAsync("/Settings")).QuerySelector("#vital-limits")!.TextContent.ShouldContain("≥ 150/100");
    }

    [Theory]
    [InlineData("Input.SystolicAtOrAbove", "99", "between 100 and 250")]
    [InlineData("Input.SystolicAtOrAbove", "251", "between 100 and 250")]
    [InlineData("Input.DiastolicAtOrAbove", "", "Enter the diastolic limit")]
    [InlineData("Input.HeartRateAtOrBelow", "abc", "not valid")]
    [InlineData("Input.SpO2Below", "101", "between 80 and 100")]
    public async Task Limits_out_of_range_are_refused_by_field_keeping_what_was_typed(string field, string value, string message)
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        var response = await client.SubmitAsync(Url, new() { [field] = value, ["Input.HeartRateAtOrAbove"] = "120" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field)!.ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.HeartRateAtOrAbove").ShouldBe("120");
        (await SettingsAsync()).VitalLimits.HeartRateAtOrAbove.ShouldBe(110);
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_nor_post_the_limits(string role)
    {
        var client = await App.SignInAsync(role);
        (await client.GetAsync(Url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync(Url, new() { ["Input.SystolicAtOrAbove"] = "200" });
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await SettingsAsync()).VitalLimits.SystolicAtOrAbove.ShouldBe(160);
    }

    [Fact]
    public async Task A_stale_form_is_refused_naming_the_other_manager_s_change()
    {
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var alicesForm = await alice.GetDocumentAsync(Url);
        var bobsForm = await bob.GetDocumentAsync(Url);
        (await alice.SubmitAsync(alicesForm, Url, new() { ["Input.SystolicAtOrAbove"] = "170" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, Url, new() { ["Input.SystolicAtOrAbove"] = "150" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Systolic at or above: now “170” (you typed “150”)");
        (await SettingsAsync()).VitalLimits.SystolicAtOrAbove.ShouldBe(170);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class VitalLimitsTests_Sqlite(SqliteApp app) : VitalLimitsTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class VitalLimitsTests_PostgreSql(PostgreSqlApp app) : VitalLimitsTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class VitalLimitsTests_SqlServer(SqlServerApp app) : VitalLimitsTests(app);
