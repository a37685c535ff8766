using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Patients;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private static Dictionary<string, string?> NewPatient(Dictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Input.FirstName"] = "Morgan", ["Input.LastName"] = "Tesh", ["Input.DateOfBirth"] = "1984-09-12", ["Input.Sex"] = "F",
            ["Input.Phone"] = "(608) 555-0199", ["Input.Email"] = "morgan@example.com", ["Input.Line1"] = "5 Lake Road", ["Input.City"] = "Madison",
            ["Input.State"] = "WI", ["Input.PostalCode"] = "53703", ["Input.InsurancePayer"] = "Aetna", ["Input.InsuranceMemberId"] = "W987654321",
            ["Input.WeightKg"] = "72.5", ["Input.HasUncontrolledHypertension"] = "true",
            ["Input.Diagnoses[0].Code"] = "F33.2", ["Input.Diagnoses[1].Code"] = "f4310", ["Input.Diagnoses[2].Code"] = "Z99.89",
            ["Input.Diagnoses[2].Description"] = "Dependence on other enabling machines", ["Input.PrimaryDiagnosis"] = "0",
        };
        foreach (var (k, v) in overrides ?? []) values[k] = v;
        return values;
    }

    private Task<int> PatientCountAsync() => App.InDbAsync(db => db.Patients.CountAsync());

    [Fact]
    public async Task Front_desk_registers_a_patient_with_an_automatic_MRN_and_normalised_diagnoses()
    {
        var client = await App.SignInAsync(Roles.FrontDesk);
        var response = await client.SubmitAsync("/Patients/Edit", NewPatient());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var p = await App.InDbAsync(db => db.Patients.Include(x => x.Diagnoses).SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Patients/Details?id={p.Id}");
        p.Mrn.ShouldBe("MRN-100000");
        (p.FirstName, p.LastName, p.DateOfBirth, p.WeightKg, p.HasUncontrolledHypertension).ShouldBe(("Morgan", "Tesh", new DateOnly(1984, 9, 12), 72.5m, true));
        p.Address.City.ShouldBe("Madison");
        p.InsuranceMemberId.ShouldBe("W987654321");
        p.Diagnoses.OrderBy(d => d.Id).Select(d => (d.Code, d.IsPrimary)).ShouldBe([("F33.2", true), ("F43.10", false), ("Z99.89", false)]);
        p.Diagnoses.Single(d => d.Code == "F43.10").Description.ShouldBe("Post-traumatic stress disorder, unspecified");
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Patient" && a.Action == "Created"))).ShouldBe(1);

        (await client.SubmitAsync("/Patients/Edit", NewPatient(new() { ["Input.FirstName"] = "Second" }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Patients.OrderBy(x => x.Id).Select(x => x.Mrn).ToListAsync())).ShouldBe(["MRN-100000", "MRN-100001"]);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Input.WeightKg", "0", "Input.WeightKg", "more than 0 kg" },
        { "Input.WeightKg", "700", "Input.WeightKg", "cannot be more than 400 kg" },
        { "Input.WeightKg", "heavy", "Input.WeightKg", "not valid" },
        { "Input.DateOfBirth", "2030-01-01", "Input.DateOfBirth", "cannot be in the future" },
        { "Input.Diagnoses[1].Code", "F3", "Input.Diagnoses[1].Code", "is not an ICD-10-CM code" },
        { "Input.Diagnoses[1].Code", "F33-2", "Input.Diagnoses[1].Code", "is not an ICD-10-CM code" },
        { "Input.Diagnoses[1].Code", "f33.2", "Input.Diagnoses[1].Code", "F33.2 is listed twice" },
        { "Input.Diagnoses[2].Description", "", "Input.Diagnoses[2].Description", "Describe Z99.89" },
        { "Input.PostalCode", "5370", "Input.PostalCode", "5 digits" },
        { "Input.Email", "not-an-email", "Input.Email", "valid email" },
        { "Input.LastName", "", "Input.LastName", "Enter the last name" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_the_form_is_kept_and_nothing_is_stored(string field, string value, string errorField, string message)
    {
        var response = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync("/Patients/Edit", NewPatient(new() { [field] = value }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, errorField)!.ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.FirstName").ShouldBe("Morgan");
        ClinicClient.ValueOf(doc, "Input.Diagnoses[0].Code").ShouldBe("F33.2");
        (await PatientCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_name_with_markup_is_stored_as_typed_and_shown_escaped()
    {
        var client = await App.SignInAsync(Roles.FrontDesk);
        var response = await client.SubmitAsync("/Patients/Edit", NewPatient(new() { ["Input.LastName"] = "<script>alert(1)</script>" }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Patients.Select(x => x.LastName).SingleAsync())).ShouldBe("<script>alert(1)</script>");
        var html = await (await client.GetAsync(response.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script>alert(1)");
    }

    [Fact]
    public async Task Editing_changes_demographics_and_diagnoses_and_is_audited()
    {
        var p = RecordData.Patient();
        await App.InsertAsync(p);
        var client = await App.SignInAsync(Roles.Clinician);
        var form = await client.GetDocumentAsync($"/Patients/Edit?id={p.Id}");
        ClinicClient.ValueOf(form, "Input.Diagnoses[0].Code").ShouldBe("F33.2");
        var response = await client.SubmitAsync(form, $"/Patients/Edit?id={p.Id}", new()
        {
            ["Input.Phone"] = "(555) 010-9999", ["Input.Diagnoses[1].Code"] = "", ["Input.Diagnoses[1].Description"] = "", ["Input.Diagnoses[2].Code"] = "M79.7",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await App.InDbAsync(db => db.Patients.Include(x => x.Diagnoses).SingleAsync());
        saved.Phone.ShouldBe("(555) 010-9999");
        saved.Mrn.ShouldBe("MRN-100001");
        saved.Diagnoses.Select(d => d.Code).Order().ShouldBe(["F33.2", "M79.7"]);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "PatientDiagnosis" && a.Action == "Deleted"))).ShouldBe(1);
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Patient" && a.Action == "Updated"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_save_of_a_patient_changed_meanwhile_is_refused_with_the_changes_named()
    {
        var p = RecordData.Patient();
        await App.InsertAsync(p);
        var a = await App.SignInAsync(Roles.FrontDesk);
        var b = await App.SignInAsync(Roles.Clinician);
        var url = $"/Patients/Edit?id={p.Id}";
        var docA = await a.GetDocumentAsync(url);
        var docB = await b.GetDocumentAsync(url);
        (await a.SubmitAsync(docA, url, new() { ["Input.Phone"] = "(555) 010-1111" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await b.SubmitAsync(docB, url, new() { ["Input.Phone"] = "(555) 010-2222" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ClinicClient.ReadAsync(refused);
        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Phone: now “(555) 010-1111” (you typed “(555) 010-2222”)");
        (await App.InDbAsync(db => db.Patients.Select(x => x.Phone).SingleAsync())).ShouldBe("(555) 010-1111");
        (await b.SubmitAsync(page, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Patients.Select(x => x.Phone).SingleAsync())).ShouldBe("(555) 010-2222");
    }

    [Fact]
    public async Task A_practice_manager_can_neither_open_nor_post_the_patient_form()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Patients/Edit")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await client.PostAsync("/Patients/Edit", NewPatient());
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await PatientCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_patient_is_not_found()
    {
        (await (await App.SignInAsync(Roles.FrontDesk)).GetAsync("/Patients/Edit?id=77")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);
