using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Visits;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private Task<int> VisitCountAsync() => App.InDbAsync(db => db.Visits.CountAsync());

    private async Task<HttpResponseMessage> SubmitVisitAsync(ClinicClient client, Clinic c, Dictionary<string, string?>? overrides = null, string? url = null)
    {
        url ??= $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(doc, url, ValidVisit(doc, c, overrides));
    }

    // ---- roles ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.PracticeManager)]
    public async Task Only_clinicians_open_the_visit_form(string role)
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(role);
        var response = await client.GetAsync($"/Visits/Edit?patientId={c.Patient.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [InlineData(Roles.FrontDesk, "")]
    [InlineData(Roles.MedicalDirector, "")]
    [InlineData(Roles.FrontDesk, "Check")]
    public async Task Other_roles_cannot_post_a_visit_and_nothing_is_stored(string role, string handler)
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(role);
        var response = await client.PostAsync($"/Visits/Edit?patientId={c.Patient.Id}{(handler == "" ? "" : "&handler=" + handler)}", new()
        {
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString(), ["Input.StartedAt"] = "2026-06-15T12:00", ["Input.RenderingProviderId"] = c.Provider.Id.ToString(),
            ["Input.PlaceOfService"] = "11", ["Input.Lines[0].ServiceId"] = c.Infusion.Id.ToString(), ["Input.Lines[0].Selected"] = "true",
        });
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await VisitCountAsync()).ShouldBe(0);
    }

    // ---- happy path and price snapshot ------------------------------------------------------------------------------

    [Fact]
    public async Task A_clinician_records_a_visit_with_an_add_on_and_it_is_stored_in_UTC_with_the_price_of_the_day()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var doc = await client.GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");
        var mg = LineOf(doc, c.Magnesium.Id);
        var response = await client.SubmitAsync(doc, $"/Visits/Edit?patientId={c.Patient.Id}", ValidVisit(doc, c, new()
        {
            [mg + ".Selected"] = "true", [mg + ".Detail"] = "magnesium sulfate 1 g IV", ["Input.DoseMg"] = "40",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var visit = await App.InDbAsync(db => db.Visits.Include(v => v.ChargeLines).SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Visits/Details?id={visit.Id}");
        visit.StartedAt.ShouldBe(new DateTime(2026, 6, 15, 15, 0, 0, DateTimeKind.Utc));   // 10:00 in Chicago
        visit.DischargedAt.ShouldBe(new DateTime(2026, 6, 15, 16, 30, 0, DateTimeKind.Utc));
        visit.RenderingProviderId.ShouldBe(c.Provider.Id);
        visit.TreatmentCourseId.ShouldBe(c.Course.Id);
        visit.SessionNumber.ShouldBe(1);
        visit.DoseMg.ShouldBe(40m);
        visit.WeightKg.ShouldBe(80m);
        visit.DoseMgPerKg.ShouldBe(0.5m);
        visit.VitalsAt40Min.Systolic.ShouldBe(138);
        visit.ChargeLines.OrderBy(l => l.Amount).Select(l => (l.Code, l.UnitPrice, l.IsAddOn, l.Detail))
            .ShouldBe([("J3475", 50m, true, "magnesium sulfate 1 g IV"), ("96365", 399m, false, (string?)null)]);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Visit" && a.Action == "Created"))).ShouldBe(1);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ChargeLine"))).ShouldBe(2);
    }

    [Fact]
    public async Task A_new_visit_form_proposes_the_course_provider_and_main_service_of_the_last_session()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-3), session: 1);
        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");
        ClinicClient.ValueOf(doc, "Input.TreatmentCourseId").ShouldBe(c.Course.Id.ToString());
        ClinicClient.ValueOf(doc, "Input.RenderingProviderId").ShouldBe(c.Provider.Id.ToString());
        ClinicClient.ValueOf(doc, "Input.WeightKg").ShouldBe("80.0");
        ClinicClient.ValueOf(doc, "Input.StartedAt").ShouldBe("2026-06-15T12:00");
        doc.QuerySelector($"input[name='{LineOf(doc, c.Infusion.Id)}.Selected']")!.HasAttribute("checked").ShouldBeTrue();
        doc.QuerySelector($"input[name='{LineOf(doc, c.Magnesium.Id)}.Selected']")!.HasAttribute("checked").ShouldBeFalse();
        ClinicClient.ValueOf(doc, "Input.SubmissionKey").ShouldNotBe(Guid.Empty.ToString());
    }

    [Fact]
    public async Task The_signed_in_clinician_is_the_default_provider_when_they_render_else_the_last_session_s()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-3), session: 1);           // rendered by c.Provider
        var me = Provider("Mara", "Mine", npi: "1245319599");
        me.UserId = App.UserIdOf(Roles.Clinician);
        await App.InsertAsync(me);
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        ClinicClient.ValueOf(await client.GetDocumentAsync(url), "Input.RenderingProviderId").ShouldBe(me.Id.ToString());

        // A nurse who records but does not render: the provider of the last session, as before.
        await App.InDbAsync(async db => { (await db.Staff.SingleAsync(s => s.Id == me.Id)).IsRenderingProvider = false; await db.SaveChangesAsync(); });
        ClinicClient.ValueOf(await client.GetDocumentAsync(url), "Input.RenderingProviderId").ShouldBe(c.Provider.Id.ToString());
    }

    [Fact]
    public async Task Prices_and_total_follow_the_visit_s_date_and_a_backdated_visit_is_charged_and_shown_at_its_price()
    {
        // As in the demo clinic: the mood infusion cost $375 until 75 days ago, $399 since.
        var c = await SeedAsync(App);
        var mood = Item("IV ketamine infusion (mood, price review)", Domain.Catalog.ServiceCategory.Infusion, "96365", 375m);
        mood.AddHistoricalPrice(399m, Today.AddDays(-75), "seed", "Annual fee review", Noon.UtcDateTime.AddDays(-80));
        await App.InsertAsync(mood);
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);
        doc.QuerySelector($"[data-price-for='{mood.Id}']")!.TextContent.ShouldBe("$399.00");

        // The handler visits.js asks when the date changes: the server's prices and total at that date.
        var backdated = Today.AddDays(-80);   // Friday 27 March 2026
        var json = await client.Http.GetStringAsync($"/Visits/Edit?handler=Prices&patientId={c.Patient.Id}&at={backdated:yyyy-MM-dd}T10:00&line={mood.Id}&line={c.Magnesium.Id}:2");
        using (var answer = System.Text.Json.JsonDocument.Parse(json))
        {
            answer.RootElement.GetProperty("prices").GetProperty(mood.Id.ToString()).GetString().ShouldBe("$375.00");
            answer.RootElement.GetProperty("total").GetString().ShouldBe("$475.00");     // 375 + 2 × 50
        }
        var today = await client.Http.GetStringAsync($"/Visits/Edit?handler=Prices&patientId={c.Patient.Id}&at={Today:yyyy-MM-dd}T10:00&line={mood.Id}");
        using (var answer = System.Text.Json.JsonDocument.Parse(today)) answer.RootElement.GetProperty("total").GetString().ShouldBe("$399.00");

        // Checking the backdated visit renders the price column and total at $375; saving charges $375.
        var values = ValidVisit(doc, c, new()
        {
            ["Input.StartedAt"] = $"{backdated:yyyy-MM-dd}T10:00", [LineOf(doc, c.Infusion.Id) + ".Selected"] = "false", [LineOf(doc, mood.Id) + ".Selected"] = "true",
        });
        ClinicClient.FindForm(doc, "#visit-form").SetAttribute("action", doc.QuerySelector("#check-visit")!.GetAttribute("formaction")!);
        var check = await ClinicClient.ReadAsync(await client.SubmitAsync(doc, url, values));
        check.QuerySelector($"[data-price-for='{mood.Id}']")!.TextContent.ShouldBe("$375.00");
        check.QuerySelector("#visit-total")!.TextContent.ShouldBe("$375.00");

        var saved = await client.SubmitAsync(await client.GetDocumentAsync(url), url, values);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.ChargeLines.Select(l => l.UnitPrice).SingleAsync())).ShouldBe(375m);
    }

    [Fact]
    public async Task The_prices_handler_needs_a_patient_or_visit_and_other_roles_are_refused()
    {
        var c = await SeedAsync(App);
        var clinician = await App.SignInAsync(Roles.Clinician);
        (await clinician.GetAsync("/Visits/Edit?handler=Prices")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clinician.GetAsync("/Visits/Edit?handler=Prices&id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clinician.GetAsync($"/Visits/Edit?handler=Prices&patientId={c.Patient.Id}&at=garbage&line=x:y")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var desk = await (await App.SignInAsync(Roles.FrontDesk)).GetAsync($"/Visits/Edit?handler=Prices&patientId={c.Patient.Id}");
        desk.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_vitals_handler_warns_as_typed_with_the_clinics_limits_and_only_for_clinical_roles()
    {
        await SeedAsync(App);
        var clinician = await App.SignInAsync(Roles.Clinician);
        async Task<List<string>> Warnings(string query) =>
            System.Text.Json.JsonDocument.Parse(await clinician.Http.GetStringAsync("/Visits/Edit?handler=VitalWarnings&" + query))
                .RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();

        (await Warnings("Input.At40.Systolic=168&Input.At40.Diastolic=104&Input.Before.HeartRate=72"))
            .ShouldBe(["Blood pressure 168/104 at 40 min is at or above the limit 160/100."]);
        (await Warnings("Input.Discharge.SpO2=90&Input.Before.Systolic=abc")).ShouldBe(["SpO2 90 % at discharge is below the limit 92 %."]);
        (await Warnings("")).ShouldBeEmpty();
        // The clinic's own limits, not the defaults.
        await App.InDbAsync(async db =>
        {
            var settings = await db.ClinicSettings.SingleAsync();
            settings.VitalLimits.SystolicAtOrAbove = 150;
            await db.SaveChangesAsync();
        });
        (await Warnings("Input.At40.Systolic=155")).ShouldBe(["Systolic pressure 155 at 40 min is at or above the limit 150."]);

        var desk = await (await App.SignInAsync(Roles.FrontDesk)).GetAsync("/Visits/Edit?handler=VitalWarnings&Input.At40.Systolic=168");
        desk.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Each_detail_box_has_its_own_hint()
    {
        var c = await SeedAsync(App);
        var doc = await (await App.SignInAsync(Roles.Clinician)).GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");
        var boxes = doc.QuerySelectorAll("input[name$='.Detail']").ToList();
        boxes.Count.ShouldBe(2);
        boxes.Select(b => b.GetAttribute("placeholder")).Distinct().Count().ShouldBe(2);
        doc.QuerySelector($"input[name='{LineOf(doc, c.Magnesium.Id)}.Detail']")!.GetAttribute("placeholder")!.ShouldContain("magnesium");
        foreach (var box in boxes) doc.GetElementById(box.GetAttribute("aria-describedby")!)!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Changing_a_price_keeps_past_visits_at_their_old_price()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        (await SubmitVisitAsync(client, c)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = await App.InDbAsync(db => db.Visits.SingleAsync());

        // The price rises from tomorrow; a week later the old visit is edited and a new one recorded.
        await App.InDbAsync(async db =>
        {
            var s = await db.Services.Include(x => x.Prices).SingleAsync(x => x.Id == c.Infusion.Id);
            s.SetPrice(425m, Today.AddDays(1), Today, "pm", "New year", Noon.UtcDateTime);
            await db.SaveChangesAsync();
        });
        App.Clock.Set(Noon.AddDays(7));
        client = await App.SignInAsync(Roles.Clinician);   // a week later: a new session
        var edit = await client.SubmitAsync($"/Visits/Edit?id={first.Id}", new() { ["Input.Notes"] = "Edited a week later." });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var later = await client.GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");
        (await client.SubmitAsync(later, $"/Visits/Edit?patientId={c.Patient.Id}", ValidVisit(later, c, new() { ["Input.StartedAt"] = "2026-06-22T10:00" })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var lines = await App.InDbAsync(db => db.ChargeLines.OrderBy(l => l.VisitId).Select(l => new { l.VisitId, l.UnitPrice, l.Amount }).ToListAsync());
        lines[0].UnitPrice.ShouldBe(399m);
        lines[0].Amount.ShouldBe(399m);
        lines[1].UnitPrice.ShouldBe(425m);
        var details = await client.GetDocumentAsync($"/Visits/Details?id={first.Id}");
        details.QuerySelector("#visit-total")!.TextContent.ShouldBe("$399.00");
        details.QuerySelector("#visit-notes")!.TextContent.ShouldBe("Edited a week later.");
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_creates_one_visit_and_the_second_lands_on_it()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);
        var values = ValidVisit(doc, c);

        var first = await client.SubmitAsync(doc, url, values);
        var second = await client.SubmitAsync(doc, url, values);

        (await VisitCountAsync()).ShouldBe(1);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var page = await client.GetDocumentAsync(second.Headers.Location!.ToString());
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("already saved");
    }

    [Fact]
    public async Task Two_simultaneous_submits_of_one_form_still_create_one_visit()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);
        var values = ValidVisit(doc, c);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SubmitAsync(doc, url, values)));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await VisitCountAsync()).ShouldBe(1);
        responses.Select(r => r.Headers.Location!.ToString()).Distinct().Count().ShouldBe(1);
    }

    // ---- impossible values ----------------------------------------------------------------------------------------

    public static TheoryData<string, string, string, string> ImpossibleValues => new()
    {
        { "Input.WeightKg", "0", "Input.WeightKg", "more than 0" },
        { "Input.WeightKg", "700", "Input.WeightKg", "400 kg" },
        { "Input.Before.SpO2", "120", "Input.Before.SpO2", "SpO2 is between 50 and 100" },
        { "Input.At40.Systolic", "400", "Input.At40.Systolic", "Systolic pressure is between 50 and 260" },
        { "Input.DoseMg", "abc", "Input.DoseMg", "not valid" },
        { "Input.DoseMg", "0", "Input.DoseMg", "more than 0 mg" },
        { "Input.DoseMg", "1500", "Input.DoseMg", "1000 mg" },
        { "Input.StartedAt", "2026-06-16T09:00", "Input.StartedAt", "The arrival cannot be in the future" },
        { "Input.StartedAt", "2026-06-15T12:30", "Input.StartedAt", "The arrival cannot be in the future" },
        { "Input.DischargeTime", "09:30", "Input.DischargeTime", "Discharge must be after arrival" },
        { "Input.DischargeTime", "12:30", "Input.DischargeTime", "The discharge cannot be in the future" },
        { "Input.Before.HeartRate", "300", "Input.Before.HeartRate", "Heart rate is between 20 and 250" },
        { "Input.InfusionMinutes", "0", "Input.InfusionMinutes", "between 1 and 600" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleValues))]
    public async Task An_impossible_value_is_refused_with_a_message_the_form_is_kept_and_nothing_is_stored(string field, string value, string errorField, string message)
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var response = await SubmitVisitAsync(client, c, new() { [field] = value });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, errorField)!.ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.Notes").ShouldBe("Calm throughout; mild dissociation at 20 min.");
        ClinicClient.ValueOf(doc, "Input.Before.Systolic").ShouldBe(field == "Input.Before.Systolic" ? value : "124");
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_blood_pressure_of_400_over_20_is_refused_on_both_numbers()
    {
        var c = await SeedAsync(App);
        var response = await SubmitVisitAsync(await App.SignInAsync(Roles.Clinician), c, new() { ["Input.Before.Systolic"] = "400", ["Input.Before.Diastolic"] = "20" });
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Before.Systolic")!.ShouldContain("between 50 and 260");
        ClinicClient.ValueOf(doc, "Input.Before.Systolic").ShouldBe("400");
        ClinicClient.ValueOf(doc, "Input.Before.Diastolic").ShouldBe("20");
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_diastolic_pressure_above_the_systolic_is_refused()
    {
        var c = await SeedAsync(App);
        var response = await SubmitVisitAsync(await App.SignInAsync(Roles.Clinician), c, new() { ["Input.Discharge.Systolic"] = "90", ["Input.Discharge.Diastolic"] = "110" });
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.Discharge.Diastolic")!.ShouldContain("lower than the systolic");
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Overlong_notes_are_refused_and_kept()
    {
        var c = await SeedAsync(App);
        var notes = new string('n', 4001);
        var response = await SubmitVisitAsync(await App.SignInAsync(Roles.Clinician), c, new() { ["Input.Notes"] = notes });
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Notes")!.ShouldContain("at most 4000 characters");
        ClinicClient.ValueOf(doc, "Input.Notes").ShouldBe(notes);
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_visit_needs_at_least_one_service()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var doc = await client.GetDocumentAsync($"/Visits/Edit?patientId={c.Patient.Id}");
        var values = ValidVisit(doc, c);
        values[LineOf(doc, c.Infusion.Id) + ".Selected"] = "false";
        var response = await client.SubmitAsync(doc, $"/Visits/Edit?patientId={c.Patient.Id}", values);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.Lines")!.ShouldContain("at least one service");
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_provider_who_is_not_a_rendering_provider_or_has_left_is_refused()
    {
        var c = await SeedAsync(App);
        var nurse = Provider("Rita", "Nurse", npi: "1245319599", rendering: false);
        var gone = Provider("Gus", "Gone", npi: "1679576722");
        gone.EndDate = Today.AddDays(-30);
        await App.InsertAsync(nurse, gone);
        var client = await App.SignInAsync(Roles.Clinician);
        foreach (var (id, message) in new[] { (nurse.Id, "not a rendering provider"), (gone.Id, "was not on the roster") })
        {
            var response = await SubmitVisitAsync(client, c, new() { ["Input.RenderingProviderId"] = id.ToString() });
            ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.RenderingProviderId")!.ShouldContain(message);
        }
        (await VisitCountAsync()).ShouldBe(0);
    }

    // ---- warnings -------------------------------------------------------------------------------------------------

    private async Task<string> CheckAsync(Clinic c, Dictionary<string, string?>? overrides = null)
    {
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?patientId={c.Patient.Id}";
        var doc = await client.GetDocumentAsync(url);
        // The "Check warnings" button posts to its formaction, as a browser does.
        var check = doc.QuerySelector("#check-visit")!.GetAttribute("formaction")!;
        check.ShouldContain("handler=Check");
        ClinicClient.FindForm(doc, "#visit-form").SetAttribute("action", check);
        var response = await client.SubmitAsync(doc, url, ValidVisit(doc, c, overrides));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClinicClient.ReadAsync(response);
        ClinicClient.ValueOf(page, "Input.Notes").ShouldBe(overrides?.GetValueOrDefault("Input.Notes") ?? "Calm throughout; mild dissociation at 20 min.");
        return page.QuerySelector("#visit-warnings")!.TextContent;
    }

    [Fact]
    public async Task Checking_a_regular_session_shows_no_warning_and_saves_nothing()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-3), doseMg: 36m, session: 1);
        (await CheckAsync(c)).ShouldContain("No warnings");
        (await VisitCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task More_than_7_days_since_the_previous_infusion_is_warned_about()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-10), session: 1);
        (await CheckAsync(c)).ShouldContain("10 days since the previous infusion");
    }

    [Fact]
    public async Task A_session_beyond_the_planned_number_is_warned_about()
    {
        var c = await SeedAsync(App, plannedSessions: 1);
        await AddVisitAsync(App, c, Today.AddDays(-3), session: 1);
        (await CheckAsync(c)).ShouldContain("Session 2 of a course planned for 1.");
    }

    [Fact]
    public async Task A_dose_step_above_the_configured_limit_is_warned_about()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-3), doseMg: 40m, session: 1);       // 0.5 mg/kg
        var warning = await CheckAsync(c, new() { ["Input.DoseMg"] = "60" });           // 0.75 mg/kg: +0.25 > 0.15
        warning.ShouldContain("Dose rises by 0.25 mg/kg");
        warning.ShouldContain("step limit 0.15 mg/kg");
        (await CheckAsync(c, new() { ["Input.DoseMg"] = "52" })).ShouldContain("No warnings");  // 0.65: +0.15 is the limit itself
    }

    [Fact]
    public async Task A_blood_pressure_at_the_clinic_limit_is_warned_about_with_the_value_and_the_limit()
    {
        var c = await SeedAsync(App);
        var warning = await CheckAsync(c, new() { ["Input.At40.Systolic"] = "168", ["Input.At40.Diastolic"] = "104" });
        warning.ShouldContain("Blood pressure 168/104 at 40 min is at or above the limit 160/100.");
        (await CheckAsync(c, new() { ["Input.Before.HeartRate"] = "48", ["Input.Discharge.SpO2"] = "91" }))
            .ShouldSatisfyAllConditions(w => w.ShouldContain("Heart rate 48 before the dose is at or below the limit 50."),
                                        w => w.ShouldContain("SpO2 91 % at discharge is below the limit 92 %."));
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_vital_limits_are_the_clinic_s_setting()
    {
        var c = await SeedAsync(App);
        await App.InDbAsync(async db =>
        {
            var s = await db.ClinicSettings.SingleAsync();
            s.VitalLimits.SystolicAtOrAbove = 170; s.VitalLimits.DiastolicAtOrAbove = 110;
            await db.SaveChangesAsync();
        });
        (await CheckAsync(c, new() { ["Input.At40.Systolic"] = "168", ["Input.At40.Diastolic"] = "104" })).ShouldContain("No warnings");
        (await CheckAsync(c, new() { ["Input.At40.Systolic"] = "172", ["Input.At40.Diastolic"] = "104" })).ShouldContain("at or above the limit 170/110");
    }

    [Fact]
    public async Task Vital_warnings_do_not_block_saving_and_are_shown_on_the_saved_visit()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);
        var response = await SubmitVisitAsync(client, c, new() { ["Input.At40.Systolic"] = "168", ["Input.At40.Diastolic"] = "104" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        page.QuerySelector("#visit-warnings")!.TextContent.ShouldContain("Blood pressure 168/104 at 40 min is at or above the limit 160/100.");
    }

    [Fact]
    public async Task A_provider_outside_their_schedule_is_warned_about()
    {
        var c = await SeedAsync(App);
        (await CheckAsync(c, new() { ["Input.StartedAt"] = "2026-06-15T07:30", ["Input.DischargeTime"] = "09:00" }))
            .ShouldContain("is not scheduled on Monday at 07:30");
    }

    [Fact]
    public async Task Warnings_do_not_block_saving_and_are_shown_on_the_saved_visit()
    {
        var c = await SeedAsync(App, plannedSessions: 1);
        await AddVisitAsync(App, c, Today.AddDays(-10), doseMg: 40m, session: 1);
        var client = await App.SignInAsync(Roles.Clinician);
        var response = await SubmitVisitAsync(client, c, new() { ["Input.DoseMg"] = "64" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        var warnings = page.QuerySelector("#visit-warnings")!.TextContent;
        warnings.ShouldContain("10 days since the previous infusion");
        warnings.ShouldContain("Session 2 of a course planned for 1.");
        warnings.ShouldContain("Dose rises by 0.3 mg/kg");
        (await App.InDbAsync(db => db.Visits.OrderBy(v => v.Id).Select(v => v.SessionNumber).ToListAsync())).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task A_visit_entered_late_renumbers_the_sessions_of_the_course()
    {
        var c = await SeedAsync(App);
        await AddVisitAsync(App, c, Today.AddDays(-2), session: 1);
        var response = await SubmitVisitAsync(await App.SignInAsync(Roles.Clinician), c, new() { ["Input.StartedAt"] = "2026-06-10T10:00", ["Input.DischargeTime"] = "12:00" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sessions = await App.InDbAsync(db => db.Visits.OrderBy(v => v.StartedAt).Select(v => v.SessionNumber).ToListAsync());
        sessions.ShouldBe([1, 2]);
    }

    // ---- concurrency ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_second_clinician_saving_a_visit_changed_meanwhile_is_refused_with_their_changes_named()
    {
        var c = await SeedAsync(App);
        var visit = await AddVisitAsync(App, c, Today.AddDays(-1), session: 1);
        var a = await App.SignInAsync(Roles.Clinician);
        var b = await App.SignInAsync(Roles.Clinician);
        var url = $"/Visits/Edit?id={visit.Id}";
        var docA = await a.GetDocumentAsync(url);
        var docB = await b.GetDocumentAsync(url);
        (await a.SubmitAsync(docA, url, new() { ["Input.DoseMg"] = "44" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await b.SubmitAsync(docB, url, new() { ["Input.Notes"] = "B's note" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClinicClient.ReadAsync(refused);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Dose (mg): now “44”");
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Another user saved changes to this visit");   // the kit's one wording
        page.QuerySelector("[data-valmsg-for='Input.DoseMg']")!.TextContent.ShouldContain("Another user changed this to “44”");
        ClinicClient.ValueOf(page, "Input.Notes").ShouldBe("B's note");
        (await App.InDbAsync(db => db.Visits.Select(v => v.Notes).SingleAsync())).ShouldBe("Tolerated well.");

        (await b.SubmitAsync(page, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);   // a deliberate second save wins
        (await App.InDbAsync(db => db.Visits.Select(v => v.Notes).SingleAsync())).ShouldBe("B's note");
    }

    // ---- daylight saving time -------------------------------------------------------------------------------------

    [Fact]
    public async Task An_arrival_in_the_skipped_spring_forward_hour_is_a_field_error_not_a_500_and_nothing_is_stored()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        // 2026-03-08 02:00–03:00 does not exist in Chicago: the clocks jump from 01:59 to 03:00.
        var response = await SubmitVisitAsync(client, c, new() { ["Input.StartedAt"] = "2026-03-08T02:30", ["Input.DischargeTime"] = "04:00" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.StartedAt").ShouldBe("That time does not exist in the clinic's time zone (clocks went forward).");
        ClinicClient.ValueOf(doc, "Input.StartedAt").ShouldBe("2026-03-08T02:30");   // the form keeps what was typed
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_discharge_in_the_skipped_hour_is_a_field_error_and_nothing_is_stored()
    {
        var c = await SeedAsync(App);
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await SubmitVisitAsync(client, c, new() { ["Input.StartedAt"] = "2026-03-08T01:00", ["Input.DischargeTime"] = "02:15" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.DischargeTime")
            .ShouldBe("That time does not exist in the clinic's time zone (clocks went forward).");
        (await VisitCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_patient_or_visit_is_not_found()
    {
        var client = await App.SignInAsync(Roles.Clinician);
        (await client.GetAsync("/Visits/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Visits/Edit?patientId=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Visits/Edit?id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EditTests_SqlServer(SqlServerApp app) : EditTests(app);
