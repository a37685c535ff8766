using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Users;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];
    private const string NewPassword = "Fresh-Start-2026!";

    private static Dictionary<string, string?> NewAccount(Action<Dictionary<string, string?>>? change = null)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.Email"] = "marcus.bell@clinic.example", ["Input.DisplayName"] = "Marcus Bell", ["Input.Role"] = Roles.Clinician,
            ["Input.Password"] = NewPassword, ["Input.StaffMemberId"] = "",
        };
        change?.Invoke(form);
        return form;
    }

    private Task<string?> RoleOfAsync(string userId) => App.InDbAsync(db =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).SingleOrDefaultAsync());

    private Task<Data.Identity.ApplicationUser> UserAsync(string id) => App.InDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    /// <summary>An extra account for tests that change a password or display name: the fixture's four accounts outlive each test.</summary>
    private async Task<string> NewUserAsync(string email, string role, string displayName)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Data.Identity.ApplicationUser>>();
        var user = new Data.Identity.ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        (await users.CreateAsync(user, ClinicApp.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        await StaffData.ClearAuditAsync(App);
        return user.Id;
    }

    private Task LinkAsync(StaffMember s, string userId) =>
        App.InDbAsync(db => db.Staff.Where(x => x.Id == s.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.UserId, userId)));

    [Fact]
    public async Task The_manager_creates_a_linked_account_that_can_sign_in_and_every_step_is_audited()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner("Marcus", "Bell"));
        await StaffData.ClearAuditAsync(App);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Users/Edit", NewAccount(f => f["Input.StaffMemberId"] = s.Id.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Users");
        var user = await App.InDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "marcus.bell@clinic.example"));
        (user.UserName, user.DisplayName, user.EmailConfirmed, user.IsDisabled).ShouldBe(("marcus.bell@clinic.example", "Marcus Bell", true, false));
        (await RoleOfAsync(user.Id)).ShouldBe(Roles.Clinician);
        (await StaffData.LoadAsync(App, s.Id)).UserId.ShouldBe(user.Id);
        var audit = await App.InDbAsync(db => db.AuditEntries.ToListAsync());
        audit.Select(a => (a.EntityType, a.Action, a.UserName)).ShouldBe(
            [("ApplicationUser", "Created", Manager), ("IdentityUserRole", "Created", Manager), ("StaffMember", "Updated", Manager)], ignoreOrder: true);
        audit.ShouldAllBe(a => !(a.After ?? "").Contains("PasswordHash"));

        await App.Anonymous().SignInAsync("marcus.bell@clinic.example", NewPassword);
        var staffPage = await client.GetDocumentAsync($"/Staff/Details?id={s.Id}");
        staffPage.QuerySelector("#staff-account")!.TextContent.ShouldContain("Clinician");
    }

    [Fact]
    public async Task Opening_the_form_from_a_profile_fills_in_the_person_and_an_empty_display_name_takes_their_name()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner("Marcus", "Bell"));
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Users/Edit?staffId={s.Id}";

        var form = await client.GetDocumentAsync(url);
        ClinicClient.ValueOf(form, "Input.Email").ShouldBe("marcus.bell@clinic.example");
        ClinicClient.ValueOf(form, "Input.StaffMemberId").ShouldBe(s.Id.ToString());
        var response = await client.SubmitAsync(form, url, new() { ["Input.DisplayName"] = "", ["Input.Role"] = Roles.Clinician, ["Input.Password"] = NewPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Users.SingleAsync(u => u.Email == "marcus.bell@clinic.example"))).DisplayName.ShouldBe("Marcus Bell, MSN, PMHNP-BC");
    }

    [Theory]
    [InlineData("short-1A", "at least 12 characters")]
    [InlineData("alllowercase-letters", "at least one digit")]
    [InlineData("NoSymbolsAtAll2026", "non alphanumeric")]
    [InlineData("", "Enter an initial password")]
    public async Task A_password_breaking_the_rules_is_refused_on_the_password_field_keeping_the_other_values(string password, string message)
    {
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Users/Edit", NewAccount(f => f["Input.Password"] = password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Password").ShouldNotBeNull().ShouldContain(message);
        ClinicClient.ValueOf(doc, "Input.Email").ShouldBe("marcus.bell@clinic.example");
        ClinicClient.ValueOf(doc, "Input.DisplayName").ShouldBe("Marcus Bell");
        ClinicClient.ValueOf(doc, "Input.Role").ShouldBe(Roles.Clinician);
        ClinicClient.ValueOf(doc, "Input.Password").ShouldBeNullOrEmpty(); // never echoed back
        (await App.InDbAsync(db => db.Users.CountAsync())).ShouldBe(4);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused_once_on_the_email_field()
    {
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Users/Edit",
            NewAccount(f => f["Input.Email"] = ClinicApp.EmailOf[Roles.FrontDesk]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        var error = ClinicClient.ErrorFor(doc, "Input.Email").ShouldNotBeNull();
        error.ShouldContain("already taken");
        error.IndexOf("already taken", StringComparison.Ordinal).ShouldBe(error.LastIndexOf("already taken", StringComparison.Ordinal));
        (await App.InDbAsync(db => db.Users.CountAsync())).ShouldBe(4);
    }

    [Theory]
    [InlineData("Input.Email", "", "Enter the email address")]
    [InlineData("Input.Email", "not-an-email", "valid email")]
    [InlineData("Input.Role", "", "Choose a role")]
    [InlineData("Input.Role", "Administrator", "Choose one of the roles")]
    [InlineData("Input.DisplayName", "", "Enter a display name")]
    public async Task Incomplete_account_forms_are_refused_with_field_errors(string field, string value, string message)
    {
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Users/Edit", NewAccount(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), field).ShouldNotBeNull().ShouldContain(message);
        (await App.InDbAsync(db => db.Users.CountAsync())).ShouldBe(4);
    }

    [Fact]
    public async Task A_staff_member_already_linked_to_another_account_cannot_get_a_second_one()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        await LinkAsync(s, App.UserIdOf(Roles.Clinician));

        var response = await (await App.SignInAsync(Roles.PracticeManager)).PostAsync("/Users/Edit?handler=Create",
            NewAccount(f => f["Input.StaffMemberId"] = s.Id.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.StaffMemberId").ShouldNotBeNull()
            .ShouldContain($"already linked to the account {ClinicApp.EmailOf[Roles.Clinician]}");
        (await App.InDbAsync(db => db.Users.CountAsync())).ShouldBe(4);
        (await StaffData.LoadAsync(App, s.Id)).UserId.ShouldBe(App.UserIdOf(Roles.Clinician));
    }

    [Fact]
    public async Task Changing_the_role_replaces_it_ends_their_sessions_and_is_audited()
    {
        var id = App.UserIdOf(Roles.Clinician);
        var stampBefore = (await UserAsync(id)).SecurityStamp;

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Users/Edit?id={id}", new() { ["Input.Role"] = Roles.MedicalDirector });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RoleOfAsync(id)).ShouldBe(Roles.MedicalDirector);
        (await UserAsync(id)).SecurityStamp.ShouldNotBe(stampBefore);
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "IdentityUserRole").OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => (a.Action, a.UserName)).ShouldBe([("Deleted", Manager), ("Created", Manager)]);
        // The next sign-in carries the new role.
        var again = App.Anonymous();
        await again.SignInAsync(ClinicApp.EmailOf[Roles.Clinician], ClinicApp.Password);
        (await again.GetAsync("/Audit/Index")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Linking_moving_and_unlinking_the_staff_member()
    {
        StaffData.FreezeClock(App);
        var a = await StaffData.AddAsync(App, StaffData.Nurse("Anna", "First"));
        var b = await StaffData.AddAsync(App, StaffData.Nurse("Bert", "Second"));
        var id = App.UserIdOf(Roles.Clinician);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Users/Edit?id={id}";

        (await client.SubmitAsync(url, new() { ["Input.StaffMemberId"] = a.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, a.Id)).UserId.ShouldBe(id);

        (await client.SubmitAsync(url, new() { ["Input.StaffMemberId"] = b.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, a.Id)).UserId.ShouldBeNull();
        (await StaffData.LoadAsync(App, b.Id)).UserId.ShouldBe(id);

        (await client.SubmitAsync(url, new() { ["Input.StaffMemberId"] = "" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, b.Id)).UserId.ShouldBeNull();
        (await RoleOfAsync(id)).ShouldBe(Roles.Clinician); // untouched
    }

    [Fact]
    public async Task The_manager_cannot_demote_their_own_account_even_by_a_direct_post()
    {
        var me = App.UserIdOf(Roles.PracticeManager);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var form = await client.GetDocumentAsync($"/Users/Edit?id={me}");
        form.QuerySelector("select[name='Input.Role']")!.HasAttribute("disabled").ShouldBeTrue();
        form.QuerySelector("#disable-form").ShouldBeNull();

        var response = await client.SubmitAsync(form, $"/Users/Edit?id={me}", new() { ["Input.Role"] = Roles.FrontDesk });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.Role").ShouldNotBeNull().ShouldContain("your own account");
        (await RoleOfAsync(me)).ShouldBe(Roles.PracticeManager);
    }

    [Fact]
    public async Task The_manager_cannot_disable_their_own_account()
    {
        var me = App.UserIdOf(Roles.PracticeManager);
        var response = await (await App.SignInAsync(Roles.PracticeManager)).PostAsync($"/Users/Edit?id={me}&handler=Disable", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("cannot disable your own account");
        (await UserAsync(me)).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_cannot_sign_in_and_can_be_enabled_again()
    {
        var id = App.UserIdOf(Roles.FrontDesk);
        var stampBefore = (await UserAsync(id)).SecurityStamp;
        var client = await App.SignInAsync(Roles.PracticeManager);
        await StaffData.ClearAuditAsync(App);

        var response = await client.SubmitAsync($"/Users/Edit?id={id}", new(), "#disable-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await UserAsync(id);
        user.IsDisabled.ShouldBeTrue();
        user.SecurityStamp.ShouldNotBe(stampBefore);
        (await App.InDbAsync(db => db.AuditEntries.SingleAsync())).After!.ShouldContain("\"IsDisabled\":true");
        var login = await App.Anonymous().SubmitAsync("/Account/Login", new() { ["Input.Email"] = ClinicApp.EmailOf[Roles.FrontDesk], ["Input.Password"] = ClinicApp.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetDocumentAsync("/Users/Index")).QuerySelector($"tr[data-user-id='{id}'] .user-state")!.TextContent.ShouldContain("Disabled");

        (await client.SubmitAsync($"/Users/Edit?id={id}", new(), "#enable-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UserAsync(id)).IsDisabled.ShouldBeFalse();
        await App.Anonymous().SignInAsync(ClinicApp.EmailOf[Roles.FrontDesk], ClinicApp.Password);
    }

    [Fact]
    public async Task A_locked_out_account_is_shown_as_such_and_can_be_unlocked()
    {
        StaffData.FreezeClock(App);
        var id = App.UserIdOf(Roles.Clinician);
        await App.InDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(x => x
            .SetProperty(u => u.LockoutEnd, StaffData.Noon.AddMinutes(15)).SetProperty(u => u.AccessFailedCount, 5)));
        var client = await App.SignInAsync(Roles.PracticeManager);

        (await client.GetDocumentAsync("/Users/Index")).QuerySelector($"tr[data-user-id='{id}'] .user-state")!.TextContent.ShouldContain($"Locked until {RecordText.DateTime(new DateTime(2026, 6, 15, 12, 15, 0))}");
        var form = await client.GetDocumentAsync($"/Users/Edit?id={id}");
        form.QuerySelector("#account-state")!.TextContent.ShouldContain("Locked out");
        var response = await client.SubmitAsync(form, $"/Users/Edit?id={id}", new(), "#unlock-form");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await UserAsync(id);
        user.LockoutEnd.ShouldBeNull();
        user.AccessFailedCount.ShouldBe(0);
        await App.Anonymous().SignInAsync(ClinicApp.EmailOf[Roles.Clinician], ClinicApp.Password);
    }

    [Fact]
    public async Task The_manager_sets_a_new_password_that_must_follow_the_rules()
    {
        var id = await NewUserAsync("tom.alvarez@clinic.example", Roles.FrontDesk, "Tom Alvarez");
        var client = await App.SignInAsync(Roles.PracticeManager);

        var bad = await client.SubmitAsync($"/Users/Edit?id={id}", new() { ["NewPassword"] = "weak" }, "#password-form");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(bad), "NewPassword").ShouldNotBeNull().ShouldContain("at least 12 characters");

        var good = await client.SubmitAsync($"/Users/Edit?id={id}", new() { ["NewPassword"] = NewPassword }, "#password-form");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.Anonymous().SignInAsync("tom.alvarez@clinic.example", NewPassword);
    }

    [Fact]
    public async Task Two_managers_editing_one_account_the_second_save_is_refused_and_nothing_is_lost()
    {
        var id = await NewUserAsync("priya.raman@clinic.example", Roles.Clinician, "Priya Raman");
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Users/Edit?id={id}";
        var alicesForm = await alice.GetDocumentAsync(url);
        var bobsForm = await bob.GetDocumentAsync(url);

        (await alice.SubmitAsync(alicesForm, url, new() { ["Input.Role"] = Roles.MedicalDirector })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, url, new() { ["Input.DisplayName"] = "Nurse Practitioner Priya" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Another user saved changes to this account");
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Medical director");
        ClinicClient.ValueOf(doc, "Input.DisplayName").ShouldBe("Nurse Practitioner Priya");
        (await RoleOfAsync(id)).ShouldBe(Roles.MedicalDirector);
        (await UserAsync(id)).DisplayName.ShouldBe("Priya Raman");

        (await bob.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UserAsync(id)).DisplayName.ShouldBe("Nurse Practitioner Priya");
        (await RoleOfAsync(id)).ShouldBe(Roles.Clinician); // Bob's form said Clinician and he chose to overwrite
    }

    [Fact]
    public async Task A_failed_sign_in_meanwhile_does_not_count_as_a_conflicting_edit()
    {
        var id = await NewUserAsync("priya.raman@clinic.example", Roles.Clinician, "Priya Raman");
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Users/Edit?id={id}";
        var form = await client.GetDocumentAsync(url);
        await App.Anonymous().SubmitAsync("/Account/Login", new() { ["Input.Email"] = "priya.raman@clinic.example", ["Input.Password"] = "wrong-password" });
        (await UserAsync(id)).AccessFailedCount.ShouldBe(1);

        var response = await client.SubmitAsync(form, url, new() { ["Input.DisplayName"] = "Priya Raman, NP" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UserAsync(id)).DisplayName.ShouldBe("Priya Raman, NP");
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_the_page_nor_post_any_handler(string role)
    {
        var target = App.UserIdOf(Roles.FrontDesk == role ? Roles.Clinician : Roles.FrontDesk);
        var client = await App.SignInAsync(role);

        foreach (var url in new[] { "/Users/Edit", $"/Users/Edit?id={target}", "/Users/Index" })
            (await client.GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
        var posts = new Dictionary<string, Dictionary<string, string?>>
        {
            ["/Users/Edit?handler=Create"] = NewAccount(f => f["Input.Role"] = Roles.PracticeManager),
            [$"/Users/Edit?id={target}&handler=Save"] = new() { ["Input.DisplayName"] = "x", ["Input.Role"] = Roles.PracticeManager },
            [$"/Users/Edit?id={target}&handler=Disable"] = new(),
            [$"/Users/Edit?id={target}&handler=Enable"] = new(),
            [$"/Users/Edit?id={target}&handler=Unlock"] = new(),
            [$"/Users/Edit?id={target}&handler=Password"] = new() { ["NewPassword"] = NewPassword },
        };
        foreach (var (url, fields) in posts)
        {
            var response = await client.PostAsync(url, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
        }
        (await App.InDbAsync(db => db.Users.CountAsync())).ShouldBe(4);
        (await RoleOfAsync(target)).ShouldNotBe(Roles.PracticeManager);
        (await UserAsync(target)).IsDisabled.ShouldBeFalse();
        (await App.InDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Users/Edit?id=nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Users/Edit?id=nope&handler=Disable", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Users/Edit?id=nope&handler=Save", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EditTests_SqlServer(SqlServerApp app) : EditTests(app);
