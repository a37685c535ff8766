using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Staff;

public abstract class DeactivateTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private Task LinkAsync(StaffMember s, string role) =>
        App.InDbAsync(db => db.Staff.Where(x => x.Id == s.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.UserId, App.UserIdOf(role))));

    private Task<(bool Disabled, string? Stamp)> AccountAsync(string role) =>
        App.InDbAsync(db => db.Users.Where(u => u.Id == App.UserIdOf(role)).Select(u => new ValueTuple<bool, string?>(u.IsDisabled, u.SecurityStamp)).SingleAsync());

    [Fact]
    public async Task The_manager_sets_the_last_day_and_the_person_leaves_the_active_roster_after_it()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        await StaffData.ClearAuditAsync(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Deactivate?id={s.Id}";
        ClinicClient.ValueOf(await client.GetDocumentAsync(url), "Input.LastDay").ShouldBe("2026-06-15");

        var response = await client.SubmitAsync(url, new() { ["Input.LastDay"] = "2026-06-14", ["Input.Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Staff/Details?id={s.Id}");
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBe(new DateOnly(2026, 6, 14));
        var audit = (await App.InDbAsync(db => db.AuditEntries.ToListAsync())).ShouldHaveSingleItem();
        (audit.EntityType, audit.Action, audit.UserName).ShouldBe(("StaffMember", "Updated", Manager));
        audit.After!.ShouldContain("2026-06-14");
        (await client.GetDocumentAsync("/Staff/Index")).QuerySelector($"tr[data-staff-id='{s.Id}']").ShouldBeNull();
        (await client.GetDocumentAsync("/Staff/Index?status=former")).QuerySelector($"tr[data-staff-id='{s.Id}']").ShouldNotBeNull();
        (await client.GetDocumentAsync("/Staff/Week")).QuerySelector($"tr[data-staff-id='{s.Id}']").ShouldBeNull();
    }

    [Fact]
    public async Task Without_the_I_understand_box_nothing_changes_and_the_box_says_why()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        await LinkAsync(s, Roles.Clinician);
        await StaffData.ClearAuditAsync(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Deactivate?id={s.Id}";
        var page = await client.GetDocumentAsync(url);
        page.QuerySelector("#deactivate-form")!.GetAttribute("data-confirm").ShouldNotBeNull().ShouldContain("Okafor");
        page.QuerySelector("input[type=checkbox][name='Input.Confirmed']")!.HasAttribute("checked").ShouldBeFalse();

        var response = await client.SubmitAsync(page, url, new() { ["Input.LastDay"] = "2026-06-30" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Confirmed").ShouldNotBeNull().ShouldContain("Tick the box");
        ClinicClient.ValueOf(doc, "Input.LastDay").ShouldBe("2026-06-30");
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBeNull();
        (await AccountAsync(Roles.Clinician)).Disabled.ShouldBeFalse();
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_future_last_day_shows_leaving_on_the_roster_until_it_and_inactive_after_it()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.NursePractitioner();
        s.LicenseExpiresOn = StaffData.Today.AddDays(40);   // would warn: expiring within 60 days
        await App.InsertAsync(s);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var before = (await client.GetDocumentAsync("/Staff/Index")).QuerySelector($"tr[data-staff-id='{s.Id}']")!;
        before.QuerySelector(".staff-warnings")!.TextContent.ShouldContain("License expires");

        (await client.SubmitAsync($"/Staff/Deactivate?id={s.Id}", new() { ["Input.LastDay"] = "2026-06-30", ["Input.Confirmed"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var leaving = (await client.GetDocumentAsync("/Staff/Index")).QuerySelector($"tr[data-staff-id='{s.Id}']")!;
        leaving.QuerySelector(".staff-status")!.TextContent.ShouldBe($"Leaving on {RecordText.Date(new DateOnly(2026, 6, 30))}");
        leaving.QuerySelector(".staff-warnings")!.TextContent.ShouldNotContain("License");   // gone before the license lapses
        App.Clock.Set(StaffData.Noon.AddDays(16));   // 1 July: the day after the last day (a new sign-in: the old session has expired)
        var after = (await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Staff/Index?status=all")).QuerySelector($"tr[data-staff-id='{s.Id}']")!;
        after.QuerySelector(".staff-status")!.TextContent.ShouldBe("Inactive");
    }

    [Fact]
    public async Task Deactivating_can_disable_the_sign_in_account_and_end_its_sessions()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        await LinkAsync(s, Roles.Clinician);
        var stampBefore = (await AccountAsync(Roles.Clinician)).Stamp;
        var client = await App.SignInAsync(Roles.PracticeManager);

        var form = await client.GetDocumentAsync($"/Staff/Deactivate?id={s.Id}");
        form.QuerySelector("input[type=checkbox][name='Input.DisableAccount']")!.HasAttribute("checked").ShouldBeTrue();
        var response = await client.SubmitAsync(form, $"/Staff/Deactivate?id={s.Id}", new() { ["Input.Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (disabled, stamp) = await AccountAsync(Roles.Clinician);
        disabled.ShouldBeTrue();
        stamp.ShouldNotBe(stampBefore);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ApplicationUser" && a.Action == "Updated" && a.After!.Contains("IsDisabled")))).ShouldBe(1);
    }

    [Fact]
    public async Task Unticking_the_box_leaves_the_account_enabled()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        await LinkAsync(s, Roles.Clinician);

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Staff/Deactivate?id={s.Id}",
            new() { ["Input.LastDay"] = "2026-06-30", ["Input.DisableAccount"] = "false", ["Input.Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AccountAsync(Roles.Clinician)).Disabled.ShouldBeFalse();
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBe(new DateOnly(2026, 6, 30));
    }

    [Fact]
    public async Task The_manager_cannot_disable_their_own_account_by_deactivating_themselves()
    {
        StaffData.FreezeClock(App);
        var me = await StaffData.AddAsync(App, StaffData.OfficeManager());
        await LinkAsync(me, Roles.PracticeManager);

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Staff/Deactivate?id={me.Id}", new() { ["Input.Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.DisableAccount").ShouldNotBeNull().ShouldContain("your own account");
        (await AccountAsync(Roles.PracticeManager)).Disabled.ShouldBeFalse();
        (await StaffData.LoadAsync(App, me.Id)).EndDate.ShouldBeNull();
    }

    [Fact]
    public async Task A_last_day_before_the_start_date_is_refused_with_the_typed_date_kept()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Staff/Deactivate?id={s.Id}", new() { ["Input.LastDay"] = "2022-12-31", ["Input.Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.LastDay").ShouldNotBeNull().ShouldContain("before the start date (2023-01-09)");
        ClinicClient.ValueOf(doc, "Input.LastDay").ShouldBe("2022-12-31");
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBeNull();
    }

    [Fact]
    public async Task Reactivating_clears_the_end_date_and_is_audited()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.NursePractitioner();
        s.EndDate = StaffData.Today.AddDays(-30);
        await App.InsertAsync(s);
        await StaffData.ClearAuditAsync(App);

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Staff/Deactivate?id={s.Id}", new(), "#reactivate-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBeNull();
        (await App.InDbAsync(db => db.AuditEntries.SingleAsync())).Action.ShouldBe("Updated");
    }

    [Fact]
    public async Task Someone_entered_by_mistake_can_be_deleted_and_the_audit_keeps_a_copy()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse("Typo", "Entry"));
        await StaffData.ClearAuditAsync(App);

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Staff/Deactivate?id={s.Id}", new(), "#delete-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Staff");
        (await App.InDbAsync(db => db.Staff.CountAsync())).ShouldBe(0);
        var audit = await App.InDbAsync(db => db.AuditEntries.SingleAsync());
        (audit.EntityType, audit.Action).ShouldBe(("StaffMember", "Deleted"));
        audit.Before!.ShouldContain("Typo");
    }

    [Fact]
    public async Task Someone_who_rendered_a_visit_is_never_deleted()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        await StaffData.AddVisitAsync(App, s.Id);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var page = await client.GetDocumentAsync($"/Staff/Deactivate?id={s.Id}");
        page.QuerySelector("#delete-form").ShouldBeNull();
        page.QuerySelector("#delete-not-allowed")!.TextContent.ShouldContain("rendered 1 visit");
        var response = await client.PostAsync($"/Staff/Deactivate?id={s.Id}&handler=Delete", new() { ["Input.ConcurrencyStamp"] = s.ConcurrencyStamp.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("can only be deactivated");
        (await App.InDbAsync(db => db.Staff.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Someone_with_a_sign_in_account_is_not_deleted()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        await LinkAsync(s, Roles.Clinician);

        var response = await (await App.SignInAsync(Roles.PracticeManager)).PostAsync($"/Staff/Deactivate?id={s.Id}&handler=Delete", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.InDbAsync(db => db.Staff.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_page_does_not_overwrite_another_managers_change()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Deactivate?id={s.Id}";
        var bobsPage = await bob.GetDocumentAsync(url);

        (await alice.SubmitAsync(url, new() { ["Input.LastDay"] = "2026-06-30", ["Input.Confirmed"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsPage, url, new() { ["Input.LastDay"] = "2026-07-31", ["Input.Confirmed"] = "true" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain($"Another user saved changes to this person while you were editing, so your changes were not saved. Changed by them: End date: now “{RecordText.Date(new DateOnly(2026, 6, 30))}”");
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBe(new DateOnly(2026, 6, 30));
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_the_page_nor_post_any_of_its_handlers(string role)
    {
        StaffData.FreezeClock(App);
        var s = StaffData.Nurse();
        s.EndDate = StaffData.Today.AddDays(-1);
        await App.InsertAsync(s);
        var client = await App.SignInAsync(role);

        var get = await client.GetAsync($"/Staff/Deactivate?id={s.Id}");
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        foreach (var handler in new[] { "", "&handler=Reactivate", "&handler=Delete" })
        {
            var post = await client.PostAsync($"/Staff/Deactivate?id={s.Id}{handler}",
                new() { ["Input.LastDay"] = "2026-06-01", ["Input.ConcurrencyStamp"] = s.ConcurrencyStamp.ToString() });
            post.StatusCode.ShouldBe(HttpStatusCode.Redirect, handler);
            post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
        var kept = await StaffData.LoadAsync(App, s.Id);
        kept.EndDate.ShouldBe(StaffData.Today.AddDays(-1));
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class DeactivateTests_Sqlite(SqliteApp app) : DeactivateTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class DeactivateTests_PostgreSql(PostgreSqlApp app) : DeactivateTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class DeactivateTests_SqlServer(SqlServerApp app) : DeactivateTests(app);
