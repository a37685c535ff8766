using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Scheduling;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Appointments;

/// <summary>
/// Booking through the form, the day view, DST, the clash message, and the clinician's path from the home page through
/// check-in to a visit prefilled from the appointment and linked back. The clinic day is Monday 15 June 2026, noon in Chicago.
/// </summary>
public abstract class AppointmentPagesTests(ClinicApp app) : PageTest(app)
{
    private sealed record Setup(Clinic C, int Chair);

    private async Task<Setup> SetupAsync()
    {
        var c = await SeedAsync(App);
        var chair = new Resource { LocationId = App.MainLocationId, Name = "Chair 1", Kind = ResourceKind.InfusionChair };
        chair.SetTakes(Resource.UsualTakes(ResourceKind.InfusionChair));
        await App.InsertAsync(chair);
        await App.InDbAsync(async db =>
        {
            var s = await db.Services.SingleAsync(x => x.Id == c.Infusion.Id);
            (s.DefaultDurationMinutes, s.MonitoringMinutes) = (50, 40);
            var p = await db.Staff.SingleAsync(x => x.Id == c.Provider.Id);
            p.UserId = App.UserIdOf(Roles.Clinician); // the signed-in clinician is this provider
            await db.SaveChangesAsync();
        });
        return new Setup(c, chair.Id);
    }

    private static Dictionary<string, string?> Booking(Setup s, string date = "2026-06-15", string time = "14:00") => new()
    {
        ["Input.Mrn"] = s.C.Patient.Mrn, ["Input.ServiceId"] = s.C.Infusion.Id.ToString(), ["Input.ProviderId"] = s.C.Provider.Id.ToString(),
        ["Input.ResourceId"] = s.Chair.ToString(), ["Input.Date"] = date, ["Input.Time"] = time, ["Input.Note"] = "Driver: sister",
    };

    private async Task<HttpResponseMessage> BookAsync(ClinicClient client, Setup s, Dictionary<string, string?> values) =>
        await client.SubmitAsync($"/Appointments/Book?locationId={App.MainLocationId}", values, "#booking-form");

    [Fact]
    public async Task The_front_desk_books_an_infusion_and_sees_it_in_its_chair_on_the_day_view()
    {
        var s = await SetupAsync();
        var desk = await App.SignInAsync(Roles.FrontDesk);

        var response = await BookAsync(desk, s, Booking(s));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Appointments/Day?locationId={App.MainLocationId}&date=2026-06-15");
        var a = await App.InDbAsync(db => db.Appointments.SingleAsync());
        (a.StartUtc, a.EndUtc, a.ResourceId, a.Status, a.BookedBy).ShouldBe(
            (new DateTime(2026, 6, 15, 19, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 15, 20, 30, 0, DateTimeKind.Utc), s.Chair, AppointmentStatus.Booked, ClinicApp.EmailOf[Roles.FrontDesk]));
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(x => x.EntityType == "Appointment" && x.Action == "Created"))).ShouldBe(1);

        var day = await desk.GetDocumentAsync(response.Headers.Location!.ToString());
        var cell = day.QuerySelector($"#day-grid td[data-appointment='{a.Id}']")!;
        cell.TextContent.ShouldContain("Ada Testpatient");
        cell.TextContent.ShouldContain("2:00 PM–3:30 PM");
        cell.GetAttribute("rowspan").ShouldBe("6"); // 90 minutes of 15-minute rows
        cell.ClassList.ShouldContain("appt-booked");
    }

    [Fact]
    public async Task A_second_booking_of_the_chair_is_told_it_was_taken_keeps_the_form_and_stores_nothing()
    {
        var s = await SetupAsync();
        var other = Patient("Ben", "Second", "MRN-100002");
        var provider2 = Provider("Otto", "Other", "1457381923");
        await App.InsertAsync(other, provider2);
        var desk = await App.SignInAsync(Roles.FrontDesk);
        (await BookAsync(desk, s, Booking(s))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var values = Booking(s, time: "14:45");
        (values["Input.Mrn"], values["Input.ProviderId"]) = ("MRN-100002", provider2.Id.ToString());
        var response = await BookAsync(desk, s, values);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.ResourceId")!.ShouldContain("just taken");
        (ClinicClient.ValueOf(doc, "Input.Mrn"), ClinicClient.ValueOf(doc, "Input.Time"), ClinicClient.ValueOf(doc, "Input.Note")).ShouldBe(("MRN-100002", "14:45", "Driver: sister"));
        (await App.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_and_a_time_the_clocks_skip_is_refused()
    {
        var s = await SetupAsync();
        App.Clock.Set(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));
        var desk = await App.SignInAsync(Roles.FrontDesk);
        var values = Booking(s, date: "2026-03-08", time: "02:30"); // US spring-forward: 02:00–03:00 does not exist
        values["Input.Mrn"] = "MRN-999999";
        values["Input.Note"] = "<script>alert(1)</script>" + new string('x', 5000);

        var response = await BookAsync(desk, s, values);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Mrn")!.ShouldContain("No patient has this MRN");
        ClinicClient.ErrorFor(doc, "Input.Time")!.ShouldBe(ClinicClock.SkippedTimeMessage);
        ClinicClient.ErrorFor(doc, "Input.Note").ShouldNotBeNull();
        (await App.InDbAsync(db => db.Appointments.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-03-06", 15)] // Friday before spring-forward: CST, UTC-6
    [InlineData("2026-03-09", 14)] // Monday after: CDT, UTC-5
    [InlineData("2026-10-30", 14)] // Friday before fall-back: CDT
    [InlineData("2026-11-02", 15)] // Monday after: CST
    public async Task Nine_in_the_morning_is_stored_in_UTC_and_shown_as_nine_across_both_transitions(string date, int utcHour)
    {
        var s = await SetupAsync();
        App.Clock.Set(new DateTimeOffset(2026, 1, 5, 18, 0, 0, TimeSpan.Zero));
        var desk = await App.SignInAsync(Roles.FrontDesk);

        var response = await BookAsync(desk, s, Booking(s, date: date, time: "09:00"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var a = await App.InDbAsync(db => db.Appointments.SingleAsync());
        var day = DateOnly.Parse(date);
        a.StartUtc.ShouldBe(day.ToDateTime(new TimeOnly(utcHour, 0), DateTimeKind.Utc));
        var doc = await desk.GetDocumentAsync($"/Appointments/Day?locationId={App.MainLocationId}&date={date}");
        doc.QuerySelector($"#day-grid td[data-appointment='{a.Id}']")!.TextContent.ShouldContain("9:00 AM–10:30 AM");
    }

    [Fact]
    public async Task The_clinician_sees_it_at_home_checks_in_and_records_the_visit_prefilled_and_linked_back()
    {
        var s = await SetupAsync();
        var desk = await App.SignInAsync(Roles.FrontDesk);
        (await BookAsync(desk, s, Booking(s))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await App.InDbAsync(db => db.Appointments.Select(a => a.Id).SingleAsync());
        App.Clock.Set(new DateTimeOffset(2026, 6, 15, 19, 5, 0, TimeSpan.Zero)); // 2:05 PM: the patient has arrived
        var clinician = await App.SignInAsync(Roles.Clinician);

        var home = await clinician.GetDocumentAsync("/");
        home.QuerySelector($"a[href='/Appointments/Details?id={id}']")!.TextContent.ShouldContain("Ada Testpatient");
        home.Body!.TextContent.ShouldContain("My appointments today");

        var checkIn = await clinician.SubmitAsync($"/Appointments/Details?id={id}", [], "form[action*='handler=CheckIn']");
        checkIn.Headers.Location!.ToString().ShouldBe($"/Visits/Edit?patientId={s.C.Patient.Id}&appointmentId={id}");
        var form = await clinician.GetDocumentAsync(checkIn.Headers.Location!.ToString());
        ClinicClient.ValueOf(form, "Input.StartedAt").ShouldBe("2026-06-15T14:00");
        ClinicClient.ValueOf(form, "Input.RenderingProviderId").ShouldBe(s.C.Provider.Id.ToString());
        ClinicClient.ValueOf(form, "Input.AppointmentId").ShouldBe(id.ToString());
        form.QuerySelector($"input[name='{LineOf(form, s.C.Infusion.Id)}.Selected']")!.HasAttribute("checked").ShouldBeTrue();

        var saved = await clinician.SubmitAsync(form, checkIn.Headers.Location!.ToString(), ValidVisit(form, s.C, new()
        {
            ["Input.StartedAt"] = "2026-06-15T14:00", ["Input.DischargeTime"] = "", ["Input.Discharge.Systolic"] = "", ["Input.Discharge.Diastolic"] = "", ["Input.Discharge.HeartRate"] = "", ["Input.Discharge.SpO2"] = "",
        }));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClinicClient.ReadAsync(saved)).QuerySelector(".alert-danger")?.TextContent);
        var (visitId, status) = await App.InDbAsync(async db => { var a = await db.Appointments.SingleAsync(); return (a.VisitId, a.Status); });
        visitId.ShouldBe(await App.InDbAsync(db => db.Visits.Select(v => (int?)v.Id).SingleAsync()));
        status.ShouldBe(AppointmentStatus.CheckedIn);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_then_frees_the_chair_and_records_who_and_why()
    {
        var s = await SetupAsync();
        var desk = await App.SignInAsync(Roles.FrontDesk);
        (await BookAsync(desk, s, Booking(s))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await App.InDbAsync(db => db.Appointments.Select(a => a.Id).SingleAsync());

        var refused = await desk.SubmitAsync($"/Appointments/Details?id={id}", new() { ["CancelReason"] = " " }, "#cancel-form");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(refused), "CancelReason")!.ShouldContain("reason");

        var done = await desk.SubmitAsync($"/Appointments/Details?id={id}", new() { ["CancelReason"] = "Patient has a cold" }, "#cancel-form");

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var a = await App.InDbAsync(db => db.Appointments.SingleAsync());
        (a.Status, a.HoldsTime, a.CancelReason, a.CancelledBy, a.LateCancellation).ShouldBe((AppointmentStatus.Cancelled, false, "Patient has a cold", ClinicApp.EmailOf[Roles.FrontDesk], true));
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(x => x.EntityType == "Appointment" && x.Action == "Updated"))).ShouldBe(1);
        (await BookAsync(desk, s, Booking(s))).StatusCode.ShouldBe(HttpStatusCode.Redirect); // the chair is free again
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class AppointmentPagesTests_Sqlite(SqliteApp app) : AppointmentPagesTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class AppointmentPagesTests_PostgreSql(PostgreSqlApp app) : AppointmentPagesTests(app);
