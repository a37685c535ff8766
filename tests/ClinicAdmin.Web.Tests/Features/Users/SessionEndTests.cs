using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Users;

/// <summary>
/// Disabling an account or changing its role renews its security stamp (tested in EditTests). For that to end sessions
/// that are open now, Identity must re-check the stamp sooner than the 30-minute default: with a 30-minute sliding cookie
/// the default check never comes before the cookie simply expires. Infrastructure/IdentityModule.cs sets the interval to zero.
/// </summary>
public abstract class SessionEndTests(ClinicApp app) : PageTest(app)
{

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session()
    {
        var frontDesk = await App.SignInAsync(Roles.FrontDesk);
        (await frontDesk.GetAsync("/Staff/Index")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var pm = await App.SignInAsync(Roles.PracticeManager);
        (await pm.SubmitAsync($"/Users/Edit?id={App.UserIdOf(Roles.FrontDesk)}", new(), "#disable-form")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await frontDesk.GetAsync("/Staff/Index");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Taking_the_manager_role_away_ends_the_open_session_that_still_carries_it()
    {
        var director = await App.SignInAsync(Roles.MedicalDirector);
        (await director.GetAsync("/Audit/Index")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var pm = await App.SignInAsync(Roles.PracticeManager);
        (await pm.SubmitAsync($"/Users/Edit?id={App.UserIdOf(Roles.MedicalDirector)}", new() { ["Input.Role"] = Roles.FrontDesk })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await director.GetAsync("/Audit/Index");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class SessionEndTests_Sqlite(SqliteApp app) : SessionEndTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class SessionEndTests_PostgreSql(PostgreSqlApp app) : SessionEndTests(app);
