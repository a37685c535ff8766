using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Account;

// The pattern for every page test: an abstract class with the tests, and one tiny derived class per database.
public abstract class LoginTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task A_user_signs_in_with_the_right_password_and_lands_on_the_start_page()
    {
        var client = App.Anonymous();
        var response = await client.SubmitAsync("/Account/Login?ReturnUrl=%2F", new() { ["Input.Email"] = ClinicApp.EmailOf[Roles.Clinician], ["Input.Password"] = ClinicApp.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        var home = await client.GetDocumentAsync("/");
        home.QuerySelector("#signed-in-as")!.TextContent.ShouldContain("Clinician");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_email_is_kept()
    {
        var client = App.Anonymous();
        var response = await client.SubmitAsync("/Account/Login", new() { ["Input.Email"] = ClinicApp.EmailOf[Roles.FrontDesk], ["Input.Password"] = "not-the-password" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Email or password is wrong");
        ClinicClient.ValueOf(doc, "Input.Email").ShouldBe(ClinicApp.EmailOf[Roles.FrontDesk]);
        ClinicClient.ValueOf(doc, "Input.Password").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        var client = App.Anonymous();
        var email = ClinicApp.EmailOf[Roles.PracticeManager];
        for (var i = 0; i < 5; i++)
            await client.SubmitAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong-" + i });
        var response = await client.SubmitAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = ClinicApp.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same message as a wrong password (issue 13, finding 9): the page does not tell that the account exists.
        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Email or password is wrong");
        var lockoutEnd = await App.InDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var email = ClinicApp.EmailOf[Roles.Clinician];
        await App.InDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        var response = await App.Anonymous().SubmitAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = ClinicApp.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Email or password is wrong");
    }

    [Theory]
    [InlineData("", "x", "Input.Email")]
    [InlineData("not-an-email", "x", "Input.Email")]
    [InlineData("a@b.org", "", "Input.Password")]
    public async Task Incomplete_sign_in_forms_show_field_errors(string email, string password, string field)
    {
        var response = await App.Anonymous().SubmitAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), field).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_external_return_url_is_ignored()
    {
        var response = await App.Anonymous().SubmitAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.Email"] = ClinicApp.EmailOf[Roles.Clinician], ["Input.Password"] = ClinicApp.Password });
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await App.SignInAsync(Roles.MedicalDirector);
        (await client.SubmitAsync("/", new(), "form[action='/Account/Logout']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetAsync("/");
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task The_home_page_still_answers_at_its_old_address_Index()
    {
        var client = await App.SignInAsync(Roles.FrontDesk);
        var home = await client.GetAsync("/");
        var old = await client.GetAsync("/Index");
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await old.Content.ReadAsStringAsync()).ShouldContain("<h1");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_reports_the_database_without_signing_in()
    {
        var response = await App.Anonymous().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"database\":\"Healthy\"");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class LoginTests_Sqlite(SqliteApp app) : LoginTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class LoginTests_PostgreSql(PostgreSqlApp app) : LoginTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class LoginTests_SqlServer(SqlServerApp app) : LoginTests(app);
