using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Staff;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Features.Staff;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private static readonly string Manager = ClinicApp.EmailOf[Roles.PracticeManager];

    private Task<int> CountStaffAsync() => App.InDbAsync(db => db.Staff.CountAsync());

    [Fact]
    public async Task The_practice_manager_adds_a_person_with_every_field()
    {
        StaffData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var form = await client.GetDocumentAsync("/Staff/Edit");
        ClinicClient.ValueOf(form, "Input.StartDate").ShouldBe("2026-06-15"); // today in the clinic by default
        var response = await client.SubmitAsync(form, "/Staff/Edit", StaffData.NewPersonForm(f => f["Input.LicenseState"] = "wi"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var s = await App.InDbAsync(db => db.Staff.SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Staff/Details?id={s.Id}");
        (s.FirstName, s.LastName, s.Credentials, s.Title).ShouldBe(("Priya", "Raman", "MSN, PMHNP-BC", "Psychiatric Nurse Practitioner"));
        (s.Email, s.Phone, s.Npi).ShouldBe(("priya.raman@clinic.example", "(608) 555-0142", StaffData.CmsExampleNpi));
        (s.LicenseNumber, s.LicenseState, s.LicenseExpiresOn).ShouldBe(("APRN-30211", "WI", new DateOnly(2027, 9, 30)));
        s.BoardCertifications.ShouldBe("ANCC PMHNP-BC");
        s.IsRenderingProvider.ShouldBeTrue();
        (s.StartDate, s.EndDate).ShouldBe((new DateOnly(2026, 7, 1), (DateOnly?)null));
        s.Bio.ShouldBe("Evaluations, infusions and medication management.");
        var details = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        details.QuerySelector(".alert-success")!.TextContent.ShouldContain("Added Priya Raman");
    }

    [Fact]
    public async Task Adding_a_person_writes_a_created_audit_row_by_the_manager()
    {
        StaffData.FreezeClock(App);
        await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Staff/Edit", StaffData.NewPersonForm());

        var audit = (await App.InDbAsync(db => db.AuditEntries.ToListAsync())).ShouldHaveSingleItem();
        (audit.EntityType, audit.Action, audit.UserName).ShouldBe(("StaffMember", "Created", Manager));
        audit.After!.ShouldContain(StaffData.CmsExampleNpi);
    }

    [Fact]
    public async Task Editing_saves_the_fields_and_audits_before_and_after()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        await StaffData.ClearAuditAsync(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Edit?id={s.Id}";

        var form = await client.GetDocumentAsync(url);
        ClinicClient.ValueOf(form, "Input.LastName").ShouldBe("Whitcombe");
        ClinicClient.ValueOf(form, "Input.LicenseNumber").ShouldBe("APRN-77123");
        var response = await client.SubmitAsync(form, url, new() { ["Input.Title"] = "Medical Advisor", ["Input.Phone"] = "(608) 555-0199" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await StaffData.LoadAsync(App, s.Id);
        (saved.Title, saved.Phone, saved.Npi).ShouldBe(("Medical Advisor", "(608) 555-0199", StaffData.CmsExampleNpi));
        var audit = (await App.InDbAsync(db => db.AuditEntries.ToListAsync())).ShouldHaveSingleItem();
        (audit.EntityType, audit.EntityId, audit.Action, audit.UserName).ShouldBe(("StaffMember", s.Id.ToString(), "Updated", Manager));
        audit.Before!.ShouldContain("Psychiatric Nurse Practitioner");
        audit.After!.ShouldContain("Medical Advisor");
        audit.After!.ShouldNotContain("Whitcombe"); // only what changed
    }

    [Theory]
    [InlineData(Roles.MedicalDirector)]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.FrontDesk)]
    public async Task Other_roles_can_neither_open_nor_post_the_form(string role)
    {
        StaffData.FreezeClock(App);
        var existing = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        var client = await App.SignInAsync(role);

        foreach (var url in new[] { "/Staff/Edit", $"/Staff/Edit?id={existing.Id}" })
        {
            var get = await client.GetAsync(url);
            get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
        var create = await client.PostAsync("/Staff/Edit", StaffData.NewPersonForm(f => f["Input.Npi"] = StaffData.OtherNpi));
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        create.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var edit = await client.PostAsync($"/Staff/Edit?id={existing.Id}",
            StaffData.NewPersonForm(f => { f["Input.LastName"] = "Hacked"; f["Input.ConcurrencyStamp"] = existing.ConcurrencyStamp.ToString(); }));
        edit.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        (await CountStaffAsync()).ShouldBe(1);
        (await StaffData.LoadAsync(App, existing.Id)).LastName.ShouldBe("Whitcombe");
    }

    [Fact]
    public async Task A_wrong_NPI_check_digit_is_refused_with_a_message_and_every_typed_value_kept()
    {
        StaffData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var typed = StaffData.NewPersonForm(f => f["Input.Npi"] = "1234567890");

        var response = await client.SubmitAsync("/Staff/Edit", typed);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Npi").ShouldNotBeNull().ShouldContain("check digit");
        foreach (var field in new[] { "Input.FirstName", "Input.LastName", "Input.Credentials", "Input.Title", "Input.Email", "Input.Phone", "Input.Npi",
                     "Input.LicenseNumber", "Input.LicenseState", "Input.LicenseExpiresOn", "Input.BoardCertifications", "Input.StartDate", "Input.Bio" })
            ClinicClient.ValueOf(doc, field).ShouldBe(typed[field], field);
        doc.QuerySelector("input[type=checkbox][name='Input.IsRenderingProvider']")!.HasAttribute("checked").ShouldBeTrue();
        (await CountStaffAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_CMS_example_NPI_1234567893_is_accepted()
    {
        StaffData.FreezeClock(App);
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Staff/Edit", StaffData.NewPersonForm(f => f["Input.Npi"] = "1234567893"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Staff.SingleAsync())).Npi.ShouldBe("1234567893");
    }

    [Fact]
    public async Task A_rendering_provider_without_an_NPI_is_refused()
    {
        StaffData.FreezeClock(App);
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Staff/Edit", StaffData.NewPersonForm(f => f["Input.Npi"] = ""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.Npi").ShouldNotBeNull().ShouldContain("rendering provider needs a valid NPI");
        ClinicClient.ValueOf(doc, "Input.LastName").ShouldBe("Raman");
        (await CountStaffAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Staff_who_do_not_render_services_are_saved_without_an_NPI()
    {
        StaffData.FreezeClock(App);
        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Staff/Edit", StaffData.NewPersonForm(f =>
        {
            f["Input.Npi"] = ""; f["Input.IsRenderingProvider"] = "false"; f["Input.Title"] = "Office Manager"; f["Input.Credentials"] = "";
            f["Input.LicenseNumber"] = ""; f["Input.LicenseState"] = ""; f["Input.LicenseExpiresOn"] = "";
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var s = await App.InDbAsync(db => db.Staff.SingleAsync());
        (s.Npi, s.LicenseState, s.Credentials, s.IsRenderingProvider).ShouldBe((null, null, "", false));
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.FirstName", "", "Enter the first name" },
        { "Input.LastName", new string('L', 101), "at most 100 characters" },
        { "Input.FirstName", new string('F', 101), "at most 100 characters" },
        { "Input.Title", "", "Enter a title" },
        { "Input.Credentials", new string('C', 101), "at most 100 characters" },
        { "Input.Email", "not-an-email", "valid email" },
        { "Input.Npi", "123456789", "exactly 10 digits" },
        { "Input.Npi", "12345678901", "exactly 10 digits" },
        { "Input.Npi", "12345-6789", "10 digits" },
        { "Input.LicenseState", "XX", "two-letter US state" },
        { "Input.LicenseNumber", new string('9', 41), "at most 40 characters" },
        { "Input.BoardCertifications", new string('B', 201), "at most 200 characters" },
        { "Input.Bio", new string('b', 4001), "at most 4000 characters" },
        { "Input.StartDate", "", "Enter the start date" },
        { "Input.EndDate", "2026-06-30", "cannot be before the start date" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_keeping_what_was_typed(string field, string value, string message)
    {
        StaffData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);

        var response = await client.SubmitAsync("/Staff/Edit", StaffData.NewPersonForm(f => f[field] = value));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field).ShouldNotBeNull().ShouldContain(message);
        if (field != "Input.LicenseState") ClinicClient.ValueOf(doc, field).ShouldBe(value); // a select cannot show an unknown code
        ClinicClient.ValueOf(doc, "Input.Bio").ShouldBe(field == "Input.Bio" ? value : "Evaluations, infusions and medication management.");
        ClinicClient.ValueOf(doc, "Input.Email").ShouldBe(field == "Input.Email" ? value : "priya.raman@clinic.example");
        (await CountStaffAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_is_refused_when_editing_too()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        var url = $"/Staff/Edit?id={s.Id}";

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync(url, new() { ["Input.EndDate"] = "2022-12-31" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, "Input.EndDate").ShouldNotBeNull().ShouldContain("cannot be before the start date");
        ClinicClient.ValueOf(doc, "Input.EndDate").ShouldBe("2022-12-31");
        (await StaffData.LoadAsync(App, s.Id)).EndDate.ShouldBeNull();
    }

    [Fact]
    public async Task An_NPI_already_on_the_roster_is_refused_naming_its_holder()
    {
        StaffData.FreezeClock(App);
        await StaffData.AddAsync(App, StaffData.NursePractitioner());

        var response = await (await App.SignInAsync(Roles.PracticeManager)).SubmitAsync("/Staff/Edit", StaffData.NewPersonForm());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(response), "Input.Npi").ShouldNotBeNull().ShouldContain("Dana Whitcombe");
        (await CountStaffAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Markup_in_a_name_is_stored_as_typed_and_shown_escaped_everywhere()
    {
        StaffData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        const string name = "<script>alert(1)</script>";

        var response = await client.SubmitAsync("/Staff/Edit", StaffData.NewPersonForm(f => { f["Input.FirstName"] = name; f["Input.Bio"] = "<b>bold</b>"; }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.InDbAsync(db => db.Staff.SingleAsync())).FirstName.ShouldBe(name);
        foreach (var url in new[] { response.Headers.Location!.ToString(), "/Staff/Index?status=all", "/Staff/Week?" })
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            html.ShouldNotContain("<script>alert(1)", customMessage: url);
            html.ShouldNotContain("<b>bold</b>", customMessage: url);
        }
        var details = await (await client.GetAsync(response.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        details.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        details.ShouldContain("&lt;b&gt;bold&lt;/b&gt;");
    }

    [Fact]
    public async Task Two_managers_editing_the_same_person_the_second_save_is_refused_with_what_changed_and_nothing_is_lost()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        var alice = await App.SignInAsync(Roles.PracticeManager);
        var bob = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Edit?id={s.Id}";
        var alicesForm = await alice.GetDocumentAsync(url);
        var bobsForm = await bob.GetDocumentAsync(url);

        (await alice.SubmitAsync(alicesForm, url, new() { ["Input.Phone"] = "(608) 555-1111" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await bob.SubmitAsync(bobsForm, url, new() { ["Input.Phone"] = "(608) 555-2222", ["Input.Title"] = "Medical Advisor" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(refused);
        var message = doc.QuerySelector(".validation-summary-errors")!.TextContent;
        message.ShouldContain("Another user saved changes to this person");
        message.ShouldContain("Phone: now “(608) 555-1111” (you typed “(608) 555-2222”)");
        message.ShouldNotContain("Title:"); // Alice did not touch it
        ClinicClient.ErrorFor(doc, "Input.Phone").ShouldNotBeNull().ShouldContain("(608) 555-1111");
        ClinicClient.ValueOf(doc, "Input.Phone").ShouldBe("(608) 555-2222");
        ClinicClient.ValueOf(doc, "Input.Title").ShouldBe("Medical Advisor");
        var kept = await StaffData.LoadAsync(App, s.Id);
        (kept.Phone, kept.Title).ShouldBe(("(608) 555-1111", "Psychiatric Nurse Practitioner"));

        // Having seen the difference, Bob saves again on purpose.
        (await bob.SubmitAsync(doc, url, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await StaffData.LoadAsync(App, s.Id);
        (saved.Phone, saved.Title).ShouldBe(("(608) 555-2222", "Medical Advisor"));
    }

    [Fact]
    public async Task A_change_the_form_does_not_show_such_as_availability_does_not_block_a_profile_save()
    {
        StaffData.FreezeClock(App);
        var s = await StaffData.AddAsync(App, StaffData.NursePractitioner());
        var client = await App.SignInAsync(Roles.PracticeManager);
        var url = $"/Staff/Edit?id={s.Id}";
        var form = await client.GetDocumentAsync(url);

        var other = await App.SignInAsync(Roles.PracticeManager);
        (await other.SubmitAsync($"/Staff/Availability?id={s.Id}", new() { ["Input.Slots[0].Start"] = "09:00", ["Input.Slots[0].End"] = "17:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.SubmitAsync(form, url, new() { ["Input.Title"] = "Medical Advisor" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await StaffData.LoadAsync(App, s.Id);
        saved.Title.ShouldBe("Medical Advisor");
        saved.Availability.ShouldHaveSingleItem().Day.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync("/Staff/Edit?id=999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/Staff/Edit?id=999", StaffData.NewPersonForm())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_form_suggests_credentials_and_titles_but_accepts_free_text()
    {
        StaffData.FreezeClock(App);
        var client = await App.SignInAsync(Roles.PracticeManager);
        var form = await client.GetDocumentAsync("/Staff/Edit");
        var credentials = form.QuerySelectorAll("#credential-suggestions option").Select(o => o.GetAttribute("value")).ToList();
        credentials.ShouldContain("PMHNP-BC");
        credentials.ShouldContain("LCSW");
        form.QuerySelectorAll("#title-suggestions option").Select(o => o.GetAttribute("value")).ShouldContain("Infusion Nurse");

        var response = await client.SubmitAsync(form, "/Staff/Edit", StaffData.NewPersonForm(f => { f["Input.Credentials"] = "PsyD, CEP"; f["Input.Title"] = "KAP Integration Coach"; }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var s = await App.InDbAsync(db => db.Staff.SingleAsync());
        (s.Credentials, s.Title).ShouldBe(("PsyD, CEP", "KAP Integration Coach"));
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EditTests_SqlServer(SqlServerApp app) : EditTests(app);
