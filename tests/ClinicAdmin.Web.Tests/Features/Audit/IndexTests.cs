using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using ClinicAdmin.Domain.Auditing;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Features.Audit;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Pricing;
using ClinicAdmin.Web.Tests.Features.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Audit;

public abstract class IndexTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private static AuditEntry Entry(DateTime atUtc, string type = "Service", string id = "1", string user = "pm@test.clinic", string action = "Updated",
        string? before = "{\"Name\":\"Old\"}", string? after = "{\"Name\":\"New\"}") =>
        new() { At = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc), EntityType = type, EntityId = id, UserName = user, Action = action, Before = before, After = after };

    private static List<long> Ids(IHtmlDocument doc) =>
        doc.QuerySelectorAll("#audit-entries > tbody > tr[data-audit-id]").Select(r => long.Parse(r.GetAttribute("data-audit-id")!)).ToList();

    [Theory]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    public async Task The_practice_manager_and_the_medical_director_read_the_audit_trail(string role)
    {
        await App.InsertAsync(Entry(CatalogData.Noon.UtcDateTime));
        var doc = await (await App.SignInAsync(role)).GetDocumentAsync("/Audit/Index");
        Ids(doc).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_cannot_open_the_audit_trail(string role)
    {
        var response = await (await App.SignInAsync(role)).GetAsync("/Audit/Index");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_price_change_made_in_the_app_appears_with_who_when_and_the_new_values()
    {
        CatalogData.FreezeClock(App);
        var s = await CatalogData.AddAsync(App, CatalogData.Infusion());
        var manager = await App.SignInAsync(Roles.PracticeManager);
        await manager.SubmitAsync($"/Pricing/SchedulePrice?id={s.Id}", new() { ["Input.Amount"] = "425", ["Input.EffectiveFrom"] = "2027-01-01", ["Input.Reason"] = "Annual fee review" });

        var doc = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync($"/Audit/Index?UserName={Uri.EscapeDataString(Manager)}");

        var row = doc.QuerySelectorAll("#audit-entries > tbody > tr").ShouldHaveSingleItem();
        row.GetAttribute("data-entity-type").ShouldBe("ServicePrice");
        row.GetAttribute("data-action").ShouldBe("Created");
        row.QuerySelector(".audit-user")!.TextContent.ShouldBe(Manager);
        row.TextContent.ShouldContain(RecordText.DateTimeSeconds(new DateTime(2026, 6, 15, 12, 0, 0))); // noon in Chicago, not 17:00 UTC
        var changes = row.QuerySelectorAll(".audit-changes tbody tr").ToDictionary(r => r.QuerySelector(".audit-field")!.TextContent, r => r.QuerySelector(".audit-new")?.TextContent);
        changes["Price"].ShouldBe("$425.00");
        changes["Effective from"].ShouldBe(RecordText.Date(new DateOnly(2027, 1, 1)));
        changes["Reason"].ShouldBe("Annual fee review");
        changes["Set by"].ShouldBe(Manager);
        changes["Service"].ShouldBe("IV ketamine infusion (mood disorders)");   // the foreign key by name
        row.QuerySelector(".audit-record a")!.TextContent.ShouldBe($"Price of IV ketamine infusion (mood disorders) from {RecordText.Date(new DateOnly(2027, 1, 1))}");
    }

    [Fact]
    public async Task An_edit_shows_each_field_before_and_after_with_markup_escaped()
    {
        CatalogData.FreezeClock(App);
        var s = await CatalogData.AddAsync(App, CatalogData.Infusion());
        var manager = await App.SignInAsync(Roles.PracticeManager);
        (await manager.SubmitAsync($"/Pricing/Edit?id={s.Id}", new() { ["Input.Name"] = "<b>Bold</b> infusion" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await manager.GetAsync($"/Audit/Index?EntityType=Service&EntityId={s.Id}&Action=Updated");
        var html = await response.Content.ReadAsStringAsync();
        var doc = await ClinicClient.ReadAsync(response);

        var row = doc.QuerySelectorAll("#audit-entries > tbody > tr").ShouldHaveSingleItem();
        var name = row.QuerySelectorAll(".audit-changes tbody tr").Single(r => r.QuerySelector(".audit-field")!.TextContent == "Name");
        name.QuerySelector(".audit-old")!.TextContent.ShouldBe("IV ketamine infusion (mood disorders)");
        name.QuerySelector(".audit-new")!.TextContent.ShouldBe("<b>Bold</b> infusion");
        row.QuerySelector(".audit-new b").ShouldBeNull();
        html.ShouldContain("&lt;b&gt;Bold&lt;/b&gt; infusion");
    }

    private static Dictionary<string, (string? Old, string? New)> ChangesOf(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll(".audit-changes tbody tr").ToDictionary(r => r.QuerySelector(".audit-field")!.TextContent,
            r => (r.QuerySelector(".audit-old")?.TextContent, r.QuerySelector(".audit-new")?.TextContent));

    [Fact]
    public async Task A_staff_edit_names_the_person_and_labels_fields_as_the_form_does()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner("Maya", "Lindqvist"));
        var manager = await App.SignInAsync(Roles.PracticeManager);
        (await manager.SubmitAsync($"/Staff/Edit?id={s.Id}", new() { ["Input.IsRenderingProvider"] = "false", ["Input.Phone"] = "" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var doc = await manager.GetDocumentAsync($"/Audit/Index?EntityType=StaffMember&EntityId={s.Id}&Action=Updated");

        var row = doc.QuerySelectorAll("#audit-entries > tbody > tr").ShouldHaveSingleItem();
        row.QuerySelector(".audit-record a")!.TextContent.ShouldBe("Staff member Maya Lindqvist");
        var changes = ChangesOf(row);
        changes["Rendering provider"].ShouldBe(("Yes", "No"));
        changes["Phone"].ShouldBe(("(608) 555-0101", "(empty)"));
        row.TextContent.ShouldNotContain("IsRenderingProvider");
        row.TextContent.ShouldNotContain("∅");
    }

    /// <summary>Counts the SQL commands a context sends.</summary>
    private sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int Count;
        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Names_for_a_whole_page_take_one_query_per_record_type_not_one_per_row()
    {
        StaffData.FreezeClock(App);
        var people = Enumerable.Range(1, 30).Select(i => StaffData.Nurse($"Name{i:D2}", $"Person{i:D2}")).ToArray();
        await App.InsertAsync(people);
        var wanted = people.Select(p => ("StaffMember", p.Id.ToString())).Append(("Location", App.MainLocationId.ToString())).ToList();
        var counter = new CommandCounter();
        using var scope = App.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<Data.ClinicDbContext>>();
        await using var db = new Data.ClinicDbContext(new DbContextOptionsBuilder<Data.ClinicDbContext>(options).AddInterceptors(counter).Options);

        var names = await AuditNames.LoadAsync(db, wanted);

        counter.Count.ShouldBe(2);
        names.Of("StaffMember", people[17].Id.ToString()).ShouldBe("Name18 Person18");
        names.Of("Location", App.MainLocationId.ToString()).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_role_change_reads_as_one_change_from_the_old_role_to_the_new()
    {
        // A new account: the fixture's four accounts outlive each test.
        const string email = "role.change@clinic.example";
        string userId;
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Data.Identity.ApplicationUser>>();
            var user = new Data.Identity.ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Role Change" };
            (await users.CreateAsync(user, ClinicApp.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Clinician)).Succeeded.ShouldBeTrue();
            userId = user.Id;
        }
        await StaffData.ClearAuditAsync(App);
        var manager = await App.SignInAsync(Roles.PracticeManager);
        (await manager.SubmitAsync($"/Users/Edit?id={userId}", new() { ["Input.Role"] = Roles.MedicalDirector })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var doc = await manager.GetDocumentAsync("/Audit/Index?EntityType=IdentityUserRole");

        var row = doc.QuerySelectorAll("#audit-entries > tbody > tr").ShouldHaveSingleItem();
        row.QuerySelector(".audit-record a")!.TextContent.ShouldBe($"Role of {email}");
        ChangesOf(row)["Role"].ShouldBe(("Clinician", "Medical director"));
    }

    [Fact]
    public async Task The_filter_offers_the_record_types_people_edit_and_internal_ones_only_when_asked()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);

        var options = (await client.GetDocumentAsync("/Audit/Index")).QuerySelectorAll("#EntityType option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        options["StaffMember"].ShouldBe("Staff member");
        options["ServicePrice"].ShouldBe("Price");
        options.Keys.ShouldNotContain("IdentityUserToken");
        options.Keys.ShouldNotContain("DataProtectionKey");

        var all = (await client.GetDocumentAsync("/Audit/Index?Internal=true")).QuerySelectorAll("#EntityType option").Select(o => o.GetAttribute("value")).ToList();
        all.ShouldContain("IdentityUserToken");
    }

    [Fact]
    public async Task Settings_changes_are_found_under_the_settings_record_type_including_its_addresses()
    {
        var manager = await App.SignInAsync(Roles.PracticeManager);
        (await manager.SubmitAsync("/Settings/Edit", new() { ["Input.Name"] = "Renamed clinic", ["Input.BillingAddress.Line1"] = "5 Other Road" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var doc = await manager.GetDocumentAsync("/Audit/Index?EntityType=ClinicSettings");

        var types = doc.QuerySelectorAll("#audit-entries > tbody > tr").Select(r => r.GetAttribute("data-entity-type")).ToList();
        types.ShouldBe(["ClinicSettings", "ClinicSettings.BillingAddress"], ignoreOrder: true);
        doc.Body!.TextContent.ShouldContain("Renamed clinic");
        doc.Body.TextContent.ShouldContain("5 Other Road");
    }

    [Fact]
    public async Task Filters_narrow_by_record_type_id_person_and_action()
    {
        var t = CatalogData.Noon.UtcDateTime;
        var a = Entry(t, "Service", "1", "pm@test.clinic", "Updated");
        var b = Entry(t.AddMinutes(1), "Service", "2", "pm@test.clinic", "Created", before: null);
        var c = Entry(t.AddMinutes(2), "ServicePrice", "1", "md@test.clinic", "Updated");
        var d = Entry(t.AddMinutes(3), "StaffMember", "1", "system", "Deleted", after: null);
        await App.InsertAsync(a, b, c, d);
        var client = await App.SignInAsync(Roles.MedicalDirector);

        Ids(await client.GetDocumentAsync("/Audit/Index")).ShouldBe([d.Id, c.Id, b.Id, a.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?EntityType=Service")).ShouldBe([b.Id, a.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?EntityType=Service&EntityId=2")).ShouldBe([b.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?EntityId=1")).ShouldBe([d.Id, c.Id, a.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?UserName=md%40test.clinic")).ShouldBe([c.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?UserName=system")).ShouldBe([d.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?Action=Created")).ShouldBe([b.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?Action=Updated&UserName=pm%40test.clinic")).ShouldBe([a.Id]);
        (await client.GetDocumentAsync("/Audit/Index?EntityType=Patient")).QuerySelector("#no-entries").ShouldNotBeNull();
    }

    [Fact]
    public async Task Date_filters_are_clinic_calendar_days()
    {
        // Chicago is UTC-5 in June: 15 June runs from 05:00 UTC on the 15th to 05:00 UTC on the 16th.
        var lateOn14th = Entry(new DateTime(2026, 6, 15, 4, 30, 0), id: "14");
        var earlyOn15th = Entry(new DateTime(2026, 6, 15, 5, 0, 0), id: "15a");
        var lateOn15th = Entry(new DateTime(2026, 6, 16, 4, 59, 0), id: "15b");
        var on16th = Entry(new DateTime(2026, 6, 16, 5, 0, 0), id: "16");
        await App.InsertAsync(lateOn14th, earlyOn15th, lateOn15th, on16th);
        var client = await App.SignInAsync(Roles.PracticeManager);

        Ids(await client.GetDocumentAsync("/Audit/Index?From=2026-06-15&To=2026-06-15")).ShouldBe([lateOn15th.Id, earlyOn15th.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?From=2026-06-16")).ShouldBe([on16th.Id]);
        Ids(await client.GetDocumentAsync("/Audit/Index?To=2026-06-14")).ShouldBe([lateOn14th.Id]);
        var doc = await client.GetDocumentAsync("/Audit/Index?From=2026-06-15&To=2026-06-15");
        doc.QuerySelector($"tr[data-audit-id='{lateOn15th.Id}']")!.TextContent.ShouldContain(RecordText.DateTimeSeconds(new DateTime(2026, 6, 15, 23, 59, 0)));
        (await client.GetDocumentAsync("/Audit/Index?From=2026-06-16&To=2026-06-15")).QuerySelector("#filter-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task Entries_are_paged_newest_first_fifty_at_a_time()
    {
        var start = CatalogData.Noon.UtcDateTime.AddDays(-10);
        var entries = Enumerable.Range(0, 120).Select(i => Entry(start.AddMinutes(i), id: i.ToString())).ToList();
        await App.InsertAsync([.. entries]);
        var newestFirst = entries.OrderByDescending(e => e.At).Select(e => e.Id).ToList();
        var client = await App.SignInAsync(Roles.PracticeManager);

        var first = await client.GetDocumentAsync("/Audit/Index");
        Ids(first).ShouldBe(newestFirst.Take(50));
        first.QuerySelector("#newer-page").ShouldBeNull();

        var second = await client.GetDocumentAsync(first.QuerySelector("#older-page")!.GetAttribute("href")!);
        Ids(second).ShouldBe(newestFirst.Skip(50).Take(50));

        var third = await client.GetDocumentAsync(second.QuerySelector("#older-page")!.GetAttribute("href")!);
        Ids(third).ShouldBe(newestFirst.Skip(100));
        third.QuerySelector("#older-page").ShouldBeNull();

        var backToSecond = await client.GetDocumentAsync(third.QuerySelector("#newer-page")!.GetAttribute("href")!);
        Ids(backToSecond).ShouldBe(newestFirst.Skip(50).Take(50));
        var backToFirst = await client.GetDocumentAsync(backToSecond.QuerySelector("#newer-page")!.GetAttribute("href")!);
        Ids(backToFirst).ShouldBe(newestFirst.Take(50));
        backToFirst.QuerySelector("#newer-page").ShouldBeNull();
    }

    [Fact]
    public async Task Paging_keeps_the_filters()
    {
        var start = CatalogData.Noon.UtcDateTime.AddDays(-1);
        await App.InsertAsync([.. Enumerable.Range(0, 60).Select(i => Entry(start.AddMinutes(i), user: i % 2 == 0 ? "pm@test.clinic" : "md@test.clinic"))]);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var first = await client.GetDocumentAsync("/Audit/Index?UserName=md%40test.clinic");
        Ids(first).Count.ShouldBe(30);
        first.QuerySelector("#older-page").ShouldBeNull();
    }

    [Fact]
    public async Task A_garbled_cursor_or_value_does_not_break_the_page()
    {
        await App.InsertAsync(Entry(CatalogData.Noon.UtcDateTime, before: "not json", after: "[1,2]"));
        var client = await App.SignInAsync(Roles.PracticeManager);

        (await client.GetDocumentAsync("/Audit/Index?Before=abc-def")).QuerySelectorAll("#audit-entries > tbody > tr").Length.ShouldBe(1);
        (await client.GetDocumentAsync("/Audit/Index?After=99999999999999999999-1")).QuerySelectorAll("#audit-entries > tbody > tr").Length.ShouldBe(1);
        (await client.GetDocumentAsync("/Audit/Index")).Body!.TextContent.ShouldContain("not json");
    }

    [Fact]
    public async Task The_practice_manager_sees_which_fields_of_a_patient_record_changed_but_never_the_values()
    {
        // One entry per patient record type (and an owned value), each with a value no page may show the manager.
        var types = PatientRecords.Types.Append("Visit.Vitals").ToList();
        var at = CatalogData.Noon.UtcDateTime;
        foreach (var (type, i) in types.Select((t, i) => (t, i)))
            await App.InsertAsync(Entry(at.AddMinutes(-i), type, id: (100 + i).ToString(), before: $"{{\"Secret\":\"PHI-old-{type}\"}}", after: $"{{\"Secret\":\"PHI-new-{type}\"}}"));
        await App.InsertAsync(Entry(at.AddMinutes(-60), "Service", before: "{\"Name\":\"Ketamine IV old\"}", after: "{\"Name\":\"Ketamine IV new\"}"));

        var manager = await (await App.SignInAsync(Roles.PracticeManager)).GetDocumentAsync("/Audit/Index");
        manager.Body!.TextContent.ShouldNotContain("PHI-");
        foreach (var type in types)
        {
            var row = manager.QuerySelectorAll("#audit-entries > tbody > tr").Single(r => r.GetAttribute("data-entity-type") == type);
            row.QuerySelector(".audit-field")!.TextContent.ShouldEndWith("Secret", Case.Sensitive, type);   // which field changed, and who: still shown
            row.QuerySelector(".audit-user")!.TextContent.ShouldBe("pm@test.clinic", type);
            row.QuerySelector(".audit-withheld").ShouldNotBeNull(type);
        }
        var service = manager.QuerySelectorAll("#audit-entries > tbody > tr").Single(r => r.GetAttribute("data-entity-type") == "Service");
        service.QuerySelector(".audit-new")!.TextContent.ShouldBe("Ketamine IV new");   // non-clinical records keep their values

        var director = await (await App.SignInAsync(Roles.MedicalDirector)).GetDocumentAsync("/Audit/Index");
        foreach (var type in types)
        {
            director.Body!.TextContent.ShouldContain($"PHI-old-{type}");
            director.Body!.TextContent.ShouldContain($"PHI-new-{type}");
        }
        director.QuerySelector(".audit-withheld").ShouldBeNull();
    }

    [Fact]
    public async Task The_audit_trail_is_read_only_a_post_changes_nothing()
    {
        var entry = Entry(CatalogData.Noon.UtcDateTime);
        await App.InsertAsync(entry);
        var page = (await PageCatalog.AllAsync(App.Services)).Single(p => p.Route == "/Audit/Index");
        page.Handlers.ShouldAllBe(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));

        var client = await App.SignInAsync(Roles.PracticeManager);
        foreach (var handler in new[] { "", "?handler=Delete", "?handler=Edit" })
        {
            var response = await client.PostAsync("/Audit/Index" + handler,
                new() { ["id"] = entry.Id.ToString(), ["Id"] = entry.Id.ToString(), ["UserName"] = "someone-else", ["After"] = "{}" });
            ((int)response.StatusCode).ShouldBeLessThan(300, handler); // shown, not acted on
        }

        var rows = await App.InDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var kept = rows.ShouldHaveSingleItem();
        (kept.Id, kept.UserName, kept.After, kept.At).ShouldBe((entry.Id, entry.UserName, entry.After, entry.At));
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class IndexTests_PostgreSql(PostgreSqlApp app) : IndexTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class IndexTests_SqlServer(SqlServerApp app) : IndexTests(app);
