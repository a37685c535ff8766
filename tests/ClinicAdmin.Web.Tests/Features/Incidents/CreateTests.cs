using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Incidents;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using ClinicAdmin.Web.Tests.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using ClinicAdmin.Web.PageKit;

namespace ClinicAdmin.Web.Tests.Features.Incidents;

public abstract class CreateTests(ClinicApp app) : PageTest(app)
{
    /// <summary>A grade 2 nausea during today's 11:00 infusion (clinic time is frozen at 12:00).</summary>
    internal static Dictionary<string, string?> Grade2(Action<Dictionary<string, string?>>? change = null)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.Type"] = "NauseaVomiting", ["Input.OccurredAt"] = "2026-06-15T11:30", ["Input.OnsetMinutesAfterDose"] = "30",
            ["Input.Description"] = "Nausea at 30 minutes; vomited once.", ["Input.Vitals.Systolic"] = "142", ["Input.Vitals.Diastolic"] = "88",
            ["Input.Vitals.HeartRate"] = "96", ["Input.Vitals.SpO2"] = "97", ["Input.Grade"] = "2",
            ["Input.ActionTaken"] = "Infusion paused for 10 minutes.", ["Input.RescueMedication"] = "Ondansetron", ["Input.RescueDose"] = "4 mg IV",
            ["Input.RescueGivenAt"] = "2026-06-15T11:35", ["Input.ResolvedAt"] = "2026-06-15T11:55", ["Input.Outcome"] = "Resolved",
            ["Input.FollowUp"] = "Pre-medicate next session.", ["Input.LotNumber"] = "KET1234",
        };
        change?.Invoke(form);
        return form;
    }

    private Task<int> CountAsync() => App.InDbAsync(db => db.Incidents.CountAsync());

    private async Task<(ClinicalData.Setup S, Visit Visit)> TodaysVisitAsync()
    {
        ClinicalData.FreezeClock(App);
        var s = await ClinicalData.PatientWithCourseAsync(App);
        var v = await ClinicalData.VisitAsync(App, s, ClinicalData.Local(6, 15, 11), session: 2, doseMg: 42);
        return (s, v);
    }

    [Fact]
    public async Task From_a_visit_patient_drug_route_dose_and_reporter_are_prefilled()
    {
        var (s, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var doc = await client.GetDocumentAsync($"/Incidents/Create?visitId={v.Id}");

        doc.QuerySelector("#incident-patient")!.TextContent.ShouldBe("Ada Testpatient");
        doc.QuerySelector("#incident-visit")!.TextContent.ShouldContain($"{RecordText.DateTime(new DateTime(2026, 6, 15, 11, 0, 0))} · session 2 · Nora Provider");
        ClinicClient.ValueOf(doc, "Input.Drug").ShouldBe("Ketamine");
        ClinicClient.ValueOf(doc, "Input.Route").ShouldBe("IV");
        ClinicClient.ValueOf(doc, "Input.DoseMg").ShouldBe("42");
        ClinicClient.ValueOf(doc, "Input.ReportedBy").ShouldBe("Test Clinician");
        ClinicClient.ValueOf(doc, "Input.OccurredAt").ShouldBe("2026-06-15T12:00");
        doc.QuerySelectorAll("input[name='Input.Grade']").Length.ShouldBe(5);
        doc.QuerySelector("label[for=grade-3]")!.TextContent.ShouldContain("hospitalisation");
    }

    [Fact]
    public async Task A_clinician_records_a_grade_2_incident_in_a_few_fields_and_it_is_not_flagged()
    {
        var (s, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Create?visitId={v.Id}", Grade2());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var i = await App.InDbAsync(db => db.Incidents.SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Incidents/Details?id={i.Id}");
        (i.PatientId, i.VisitId, i.Type, i.Grade, i.Serious).ShouldBe((s.Patient.Id, v.Id, IncidentType.NauseaVomiting, 2, SeriousCriteria.None));
        (i.Drug, i.Route, i.DoseMg, i.LotNumber).ShouldBe(("Ketamine", Route.IV, 42m, "KET1234"));
        i.OccurredAt.ShouldBe(ClinicalData.Local(6, 15, 11, 30));
        i.RescueGivenAt.ShouldBe(ClinicalData.Local(6, 15, 11, 35));
        i.ResolvedAt.ShouldBe(ClinicalData.Local(6, 15, 11, 55));
        (i.Vitals.Systolic, i.Vitals.Diastolic, i.Vitals.HeartRate, i.Vitals.SpO2).ShouldBe((142, 88, 96, 97));
        i.ReportedBy.ShouldBe("Test Clinician");
        i.NeedsReview.ShouldBeFalse();
        var details = await client.GetDocumentAsync(response.Headers.Location.ToString());
        details.QuerySelector("#incident-grade")!.TextContent.ShouldBe("Grade 2");
        details.QuerySelector("#incident-review-state").ShouldBeNull();
        details.QuerySelector(".alert-success")!.TextContent.ShouldBe("Incident recorded (grade 2).");
    }

    [Fact]
    public async Task A_grade_3_incident_is_flagged_for_the_medical_director()
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Create?visitId={v.Id}", Grade2(f => { f["Input.Grade"] = "3"; f["Input.Type"] = "Desaturation"; }));

        var details = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        details.QuerySelector(".alert-success")!.TextContent.ShouldContain("Flagged for the medical director's review");
        details.QuerySelector("#incident-review-state")!.TextContent.ShouldContain("Needs review");
        var list = await client.GetDocumentAsync("/Incidents/Index");
        list.QuerySelector("#awaiting-review-count")!.TextContent.ShouldBe("1");
        list.QuerySelector("#incidents-table tbody tr")!.GetAttribute("data-review").ShouldBe("Needs review");
    }

    /// <summary>Posts the form with several values for one name, as a browser does for ticked checkboxes.</summary>
    private static async Task<HttpResponseMessage> PostWithCriteriaAsync(ClinicClient client, string url, Dictionary<string, string?> form, params string[] criteria)
    {
        var doc = await client.GetDocumentAsync(url);
        form.TryAdd("Input.ReportedBy", "Test Clinician");
        form.TryAdd("Input.Route", "IV");
        form.TryAdd("Input.Drug", "Ketamine");
        var fields = form.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!)).ToList();
        fields.AddRange(criteria.Select(c => new KeyValuePair<string, string>("Input.Serious", c)));
        fields.Add(new("__RequestVerificationToken", ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#incident-form input[name=__RequestVerificationToken]")!).Value));
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_serious_incident_below_grade_3_is_flagged_too()
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        (await PostWithCriteriaAsync(client, $"/Incidents/Create?visitId={v.Id}", Grade2(), "Hospitalisation", "Disability")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var i = await App.InDbAsync(db => db.Incidents.SingleAsync());
        (i.Grade, i.Serious).ShouldBe((2, SeriousCriteria.Hospitalisation | SeriousCriteria.Disability));
        i.NeedsReview.ShouldBeTrue();
    }

    [Fact]
    public async Task Grade_4_is_recorded_as_life_threatening_whatever_was_ticked()
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        (await PostWithCriteriaAsync(client, $"/Incidents/Create?visitId={v.Id}", Grade2(f => f["Input.Grade"] = "4"), "Hospitalisation")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var i = await App.InDbAsync(db => db.Incidents.SingleAsync());
        i.Serious.ShouldBe(SeriousCriteria.Hospitalisation | SeriousCriteria.LifeThreatening);
    }

    public static TheoryData<string, string, string, string> ImpossibleValues => new()
    {
        { "Input.Grade", "0", "Input.Grade", "CTCAE grade is 1 to 5." },
        { "Input.Grade", "6", "Input.Grade", "CTCAE grade is 1 to 5." },
        { "Input.Vitals.SpO2", "120", "Input.Vitals.SpO2", "SpO2 is between 50 and 100 %." },
        { "Input.Vitals.Systolic", "400", "Input.Vitals.Systolic", "Systolic pressure is between 50 and 260 mmHg." },
        { "Input.ResolvedAt", "2026-06-15T11:00", "Input.ResolvedAt", "Resolved cannot be before the time it occurred." },
        { "Input.OccurredAt", "2026-06-15T14:00", "Input.OccurredAt", "The time it occurred cannot be in the future." },
        { "Input.Description", new string('x', 4001), "Input.Description", "What happened can be at most 4000 characters." },
        { "Input.LotNumber", new string('L', 41), "Input.LotNumber", "Lot number can be at most 40 characters." },
        { "Input.DoseMg", "forty", "Input.DoseMg", "" },
        { "Input.OnsetMinutesAfterDose", "-5", "Input.OnsetMinutesAfterDose", "Onset must be between 0 and 10080 minutes after the dose." },
        { "Input.RescueGivenAt", "2026-06-15T11:00", "Input.RescueGivenAt", "Rescue medication cannot be given before the time it occurred." },
        { "Input.Description", "", "Input.Description", "Describe what happened." },
    };

    [Theory]
    [MemberData(nameof(ImpossibleValues))]
    public async Task Impossible_values_are_refused_with_a_message_and_the_form_kept(string field, string value, string errorField, string message)
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Create?visitId={v.Id}", Grade2(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        var error = ClinicClient.ErrorFor(doc, errorField);
        error.ShouldNotBeNull();
        if (message != "") error.ShouldBe(message);
        if (field != "Input.Grade") ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.Description").ShouldBe(field == "Input.Description" ? value : "Nausea at 30 minutes; vomited once.");
        ClinicClient.ValueOf(doc, "Input.RescueDose").ShouldBe("4 mg IV");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task BP_400_over_20_is_refused_and_both_numbers_kept()
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Create?visitId={v.Id}", Grade2(f => { f["Input.Vitals.Systolic"] = "400"; f["Input.Vitals.Diastolic"] = "20"; }));

        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Vitals.Systolic").ShouldBe("Systolic pressure is between 50 and 260 mmHg.");
        (ClinicClient.ValueOf(doc, "Input.Vitals.Systolic"), ClinicClient.ValueOf(doc, "Input.Vitals.Diastolic")).ShouldBe(("400", "20"));
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_double_submitted_form_records_one_incident()
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        var url = $"/Incidents/Create?visitId={v.Id}";
        var doc = await client.GetDocumentAsync(url);

        var first = await client.SubmitAsync(doc, url, Grade2());
        var second = await client.SubmitAsync(doc, url, Grade2());

        (await CountAsync()).ShouldBe(1);
        second.Headers.Location.ShouldBe(first.Headers.Location);
    }

    [Fact]
    public async Task An_incident_without_a_visit_is_recorded_from_the_patient()
    {
        var (s, _) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);

        var response = await client.SubmitAsync($"/Incidents/Create?patientId={s.Patient.Id}", Grade2(f => f["Input.Type"] = "Headache"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var i = await App.InDbAsync(db => db.Incidents.SingleAsync());
        (i.PatientId, i.VisitId, i.Type).ShouldBe((s.Patient.Id, (int?)null, IncidentType.Headache));
    }

    [Fact]
    public async Task Recording_writes_audit_rows_as_the_clinician_without_logging_elsewhere()
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(Roles.Clinician);
        await App.InDbAsync(db => db.AuditEntries.ExecuteDeleteAsync());

        await client.SubmitAsync($"/Incidents/Create?visitId={v.Id}", Grade2());

        var rows = await App.InDbAsync(db => db.AuditEntries.ToListAsync());
        rows.ShouldAllBe(r => r.UserName == ClinicApp.EmailOf[Roles.Clinician] && r.Action == "Created");
        rows.Select(r => r.EntityType).ShouldContain("Incident");
        rows.Single(r => r.EntityType == "Incident").After!.ShouldContain("\"Grade\":2");
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.PracticeManager)]
    [InlineData(Roles.MedicalDirector)]
    public async Task Only_clinicians_may_open_or_post_the_incident_form(string role)
    {
        var (_, v) = await TodaysVisitAsync();
        var client = await App.SignInAsync(role);
        var url = $"/Incidents/Create?visitId={v.Id}";

        var get = await client.GetAsync(url);
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync(url, Grade2());
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_visit_or_patient_is_not_found()
    {
        var client = await App.SignInAsync(Roles.Clinician);
        (await client.GetAsync("/Incidents/Create?visitId=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Incidents/Create?patientId=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Incidents/Create")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class CreateTests_Sqlite(SqliteApp app) : CreateTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class CreateTests_PostgreSql(PostgreSqlApp app) : CreateTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class CreateTests_SqlServer(SqlServerApp app) : CreateTests(app);
