using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Security;

/// <summary>
/// The per-request session check (Platform/Security/SessionStampValidator): one read of the account's security stamp.
/// A session whose stamp changed, or whose account was disabled, ends at its next request; an unchanged one is left
/// alone, without rebuilding and re-issuing the sign-in cookie on every page.
/// </summary>
public abstract class SessionStampTests(ClinicApp app) : PageTest(app)
{
    private static IEnumerable<string> AuthCookiesSet(HttpResponseMessage r) =>
        (r.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).Where(c => c.StartsWith("ClinicAdmin.Auth", StringComparison.Ordinal));

    private static string Landing(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Redirect ? r.Headers.Location!.ToString() : "";

    [Fact]
    public async Task An_unchanged_session_is_not_reissued_and_a_new_stamp_ends_it_at_the_next_request()
    {
        var director = await App.SignInAsync(Roles.MedicalDirector);
        var ok = await director.GetAsync("/Staff");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        AuthCookiesSet(ok).ShouldBeEmpty();

        var id = App.UserIdOf(Roles.MedicalDirector);
        await App.InDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))));
        var ended = await director.GetAsync("/Staff");
        Landing(ended).ShouldContain("/Account/Login");
        AuthCookiesSet(ended).ShouldContain(c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase), "the cookie is removed");
        Landing(await director.GetAsync("/Staff")).ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session_even_with_the_same_stamp()
    {
        var clinician = await App.SignInAsync(Roles.Clinician);
        (await clinician.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = App.UserIdOf(Roles.Clinician);
        await App.InDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        Landing(await clinician.GetAsync("/Staff")).ShouldContain("/Account/Login");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class SessionStampTests_Sqlite(SqliteApp app) : SessionStampTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class SessionStampTests_PostgreSql(PostgreSqlApp app) : SessionStampTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class SessionStampTests_SqlServer(SqlServerApp app) : SessionStampTests(app);
