using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Staff;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Users;

public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    [Fact]
    public async Task The_manager_sees_every_account_with_role_linked_person_and_state()
    {
        StaffData.FreezeClock(App);
        var nurse = await StaffData.AddAsync(App, StaffData.Nurse());
        var clinician = App.UserIdOf(Roles.Clinician);
        await App.InDbAsync(async db =>
        {
            await db.Staff.Where(s => s.Id == nurse.Id).ExecuteUpdateAsync(x => x.SetProperty(s => s.UserId, clinician));
            await db.Users.Where(u => u.Id == App.UserIdOf(Roles.FrontDesk)).ExecuteUpdateAsync(x => x.SetProperty(u => u.IsDisabled, true));
        });

        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Users/Index");

        doc.QuerySelectorAll("#users-table tbody tr").Length.ShouldBe(4);
        var row = doc.QuerySelector($"tr[data-user-id='{clinician}']")!;
        row.TextContent.ShouldContain(ClinicApp.EmailOf[Roles.Clinician]);
        row.TextContent.ShouldContain("Clinician");
        row.QuerySelector($"a[href='/Staff/Details?id={nurse.Id}']")!.TextContent.ShouldBe("Jenna Okafor");
        row.QuerySelector(".user-state")!.TextContent.ShouldContain("Active");
        doc.QuerySelector($"tr[data-user-id='{App.UserIdOf(Roles.FrontDesk)}'] .user-state")!.TextContent.ShouldContain("Disabled");
        doc.QuerySelector($"tr[data-user-id='{App.UserIdOf(Roles.PracticeManager)}']")!.TextContent.ShouldContain("you");
    }

    [Fact]
    public async Task Search_narrows_the_list_by_name_or_email()
    {
        var doc = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Users/Index?q=FRONTDESK@");
        doc.QuerySelectorAll("#users-table tbody tr").ShouldHaveSingleItem().GetAttribute("data-user-id").ShouldBe(App.UserIdOf(Roles.FrontDesk));
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_are_refused(string role)
    {
        var response = await (await App.SignInAsync(role)).GetAsync("/Users/Index");
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);
