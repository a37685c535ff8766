using System.Net;
using AngleSharp.Html.Dom;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.PageKit;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Staff;

public abstract class AvailabilityTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    /// <summary>The form's row index of the n-th row shown for a day (the page renders one blank row per day).</summary>
    private static int RowOf(IHtmlDocument doc, DayOfWeek day, int n = 0) =>
        int.Parse(doc.QuerySelectorAll($"[data-day-slots='{(int)day}'] [data-slot-row] input[type=time].slot-start")[n]
            .GetAttribute("name")!.Split('[', ']')[1]);

    private static string Cell(IHtmlDocument grid, StaffMember s, DayOfWeek day) =>
        grid.QuerySelector($"#week-grid tr[data-staff-id='{s.Id}'] td[data-day='{day}']")!.TextContent.Trim();

    [Fact]
    public async Task The_manager_sets_Monday_Wednesday_Friday_9_to_21_and_the_week_grid_shows_it()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse("Daniel", "Reyes"));
        await StaffData.ClearAuditAsync(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var form = await client.GetDocumentAsync(url);
        var values = new Dictionary<string, string?>();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })
        {
            var i = RowOf(form, day);
            values[$"Input.Slots[{i}].Start"] = "09:00";
            values[$"Input.Slots[{i}].End"] = "21:00";
        }

        var response = await client.SubmitAsync(form, url, values);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Staff/Details?id={s.Id}");
        var saved = await StaffData.LoadAsync(App, s.Id);
        saved.Availability.Select(a => (a.Day, a.Start, a.End)).OrderBy(a => a.Day).ShouldBe([
            (DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(21, 0)),
            (DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(21, 0)),
            (DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(21, 0))]);
        var audit = await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "WeeklyAvailability").ToListAsync());
        audit.Count.ShouldBe(3);
        audit.ShouldAllBe(a => a.Action == "Created" && a.UserName == Manager);

        var grid = await client.GetDocumentAsync("/Staff/Week");
        Cell(grid, s, DayOfWeek.Monday).ShouldBe(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        Cell(grid, s, DayOfWeek.Wednesday).ShouldBe(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        Cell(grid, s, DayOfWeek.Friday).ShouldBe(RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0)));
        Cell(grid, s, DayOfWeek.Tuesday).ShouldBeEmpty();
        grid.QuerySelector($"#week-grid tr[data-staff-id='{s.Id}'] td[data-day='Monday']")!.ClassList.ShouldContain("on");
    }

    [Fact]
    public async Task Several_slots_a_day_are_kept_in_order_and_an_unchanged_slot_is_not_rewritten()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.Nurse();
        s.SetAvailability([new WeeklySlot(DayOfWeek.Tuesday, new TimeOnly(13, 0), new TimeOnly(17, 0))]);
        await App.InsertAsync(s);
        await StaffData.ClearAuditAsync(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var form = await client.GetDocumentAsync(url);
        var blank = RowOf(form, DayOfWeek.Tuesday, 1);

        var response = await client.SubmitAsync(form, url, new() { [$"Input.Slots[{blank}].Start"] = "08:00", [$"Input.Slots[{blank}].End"] = "12:00" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, s.Id)).Availability.Count.ShouldBe(2);
        // Only the new slot is in the audit trail.
        (await App.InDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "WeeklyAvailability").Select(a => a.Action).ToListAsync())).ShouldBe(["Created"]);
        var grid = await client.GetDocumentAsync("/Staff/Week");
        grid.QuerySelectorAll($"#week-grid tr[data-staff-id='{s.Id}'] td[data-day='Tuesday'] div").Select(d => d.TextContent).ShouldBe([RecordText.TimeRange(new TimeOnly(8, 0), new TimeOnly(12, 0)), RecordText.TimeRange(new TimeOnly(13, 0), new TimeOnly(17, 0))]);
    }

    [Fact]
    public async Task Clearing_both_times_removes_a_slot()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.Nurse();
        s.SetAvailability([new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0)), new WeeklySlot(DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(12, 0))]);
        await App.InsertAsync(s);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var form = await client.GetDocumentAsync(url);
        var monday = RowOf(form, DayOfWeek.Monday);

        var response = await client.SubmitAsync(form, url, new() { [$"Input.Slots[{monday}].Start"] = "", [$"Input.Slots[{monday}].End"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, s.Id)).Availability.ShouldHaveSingleItem().Day.ShouldBe(DayOfWeek.Friday);
    }

    [Fact]
    public async Task Overlapping_slots_on_one_day_are_refused_with_a_message_and_the_typed_times_kept()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.Nurse();
        s.SetAvailability([new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0))]);
        await App.InsertAsync(s);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var form = await client.GetDocumentAsync(url);
        var blank = RowOf(form, DayOfWeek.Monday, 1);

        var response = await client.SubmitAsync(form, url, new() { [$"Input.Slots[{blank}].Start"] = "12:00", [$"Input.Slots[{blank}].End"] = "17:00" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, $"Input.Slots[{blank}].Start").ShouldNotBeNull().ShouldContain("Overlaps the other Monday slot 09:00\u201313:00");
        ClinicClient.ValueOf(doc, $"Input.Slots[{blank}].Start").ShouldBe("12:00");
        ClinicClient.ValueOf(doc, $"Input.Slots[{blank}].End").ShouldBe("17:00");
        (await StaffData.LoadAsync(App, s.Id)).Availability.ShouldHaveSingleItem().End.ShouldBe(new TimeOnly(13, 0));
    }

    [Theory]
    [InlineData("17:00", "09:00", "End", "after the start time")]
    [InlineData("09:00", "09:00", "End", "after the start time")]
    [InlineData("09:00", "", "End", "Enter the end time")]
    [InlineData("", "17:00", "Start", "Enter the start time")]
    public async Task A_slot_must_have_both_times_and_end_after_it_starts(string start, string end, string field, string message)
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var form = await client.GetDocumentAsync(url);
        var row = RowOf(form, DayOfWeek.Thursday);

        var response = await client.SubmitAsync(form, url, new() { [$"Input.Slots[{row}].Start"] = start, [$"Input.Slots[{row}].End"] = end });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, $"Input.Slots[{row}].{field}").ShouldNotBeNull().ShouldContain(message);
        ClinicClient.ValueOf(doc, $"Input.Slots[{row}].Start").ShouldBe(start);
        (await StaffData.LoadAsync(App, s.Id)).Availability.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_managers_editing_availability_the_second_save_is_refused_naming_the_changed_day_and_nothing_is_lost()
    {
        StaffData.FreezeClock(App);
        var s = StaffData.Nurse();
        s.SetAvailability([new WeeklySlot(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))]);
        await App.InsertAsync(s);
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var alicesForm = await alice.GetDocumentAsync(url);
        var bobsForm = await bob.GetDocumentAsync(url);
        var monday = RowOf(alicesForm, DayOfWeek.Monday);
        var friday = RowOf(bobsForm, DayOfWeek.Friday);

        (await alice.SubmitAsync(alicesForm, url, new() { [$"Input.Slots[{monday}].End"] = "21:00" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, url, new() { [$"Input.Slots[{friday}].Start"] = "10:00", [$"Input.Slots[{friday}].End"] = "14:00" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        var message = doc.QuerySelector(".validation-summary-errors")!.TextContent;
        message.ShouldContain("Another user saved changes to this person's availability");
        message.ShouldContain($"Monday: now “{RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(21, 0))}” (you typed “{RecordText.TimeRange(new TimeOnly(9, 0), new TimeOnly(17, 0))}”)");
        message.ShouldContain($"Friday: now “not available” (you typed “{RecordText.TimeRange(new TimeOnly(10, 0), new TimeOnly(14, 0))}”)");
        ClinicClient.ValueOf(doc, $"Input.Slots[{friday}].Start").ShouldBe("10:00");
        var kept = await StaffData.LoadAsync(App, s.Id);
        kept.Availability.ShouldHaveSingleItem().End.ShouldBe(new TimeOnly(21, 0));

        // Bob saves again on purpose: his schedule replaces Alice's.
        (await bob.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffData.LoadAsync(App, s.Id)).Availability.Select(a => (a.Day, a.End)).OrderBy(a => a.Day)
            .ShouldBe([(DayOfWeek.Monday, new TimeOnly(17, 0)), (DayOfWeek.Friday, new TimeOnly(14, 0))]);
    }

    [Fact]
    public async Task A_profile_edit_in_the_meantime_does_not_block_an_availability_save()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Availability?id={s.Id}";
        var form = await client.GetDocumentAsync(url);
        (await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync($"/Staff/Edit?id={s.Id}", new() { ["Input.Phone"] = "(608) 555-3333" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = RowOf(form, DayOfWeek.Sunday);

        var response = await client.SubmitAsync(form, url, new() { [$"Input.Slots[{row}].Start"] = "10:00", [$"Input.Slots[{row}].End"] = "14:00" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await StaffData.LoadAsync(App, s.Id);
        saved.Phone.ShouldBe("(608) 555-3333");
        saved.Availability.ShouldHaveSingleItem().Day.ShouldBe(DayOfWeek.Sunday);
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_nor_post_the_availability_form(string role)
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.Nurse());
        var client = await App.SignInAsync(role);

        (await client.GetAsync($"/Staff/Availability?id={s.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync($"/Staff/Availability?id={s.Id}", new()
        {
            ["Input.Slots[0].Day"] = "Monday", ["Input.Slots[0].Start"] = "09:00", ["Input.Slots[0].End"] = "17:00",
            ["Input.ConcurrencyStamp"] = s.ConcurrencyStamp.ToString(),
        });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await StaffData.LoadAsync(App, s.Id)).Availability.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Staff/Availability?id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Staff/Availability?id=999", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class AvailabilityTests_Sqlite(SqliteApp app) : AvailabilityTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class AvailabilityTests_PostgreSql(PostgreSqlApp app) : AvailabilityTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class AvailabilityTests_SqlServer(SqlServerApp app) : AvailabilityTests(app);
