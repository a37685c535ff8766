using System.Net;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Domain.Visits;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static ClinicAdmin.Web.Tests.Features.Patients.RecordData;

namespace ClinicAdmin.Web.Tests.Features.Payments;

public abstract class EditTests(ClinicApp app) : PageTest(app)
{
    private async Task<(Clinic C, Visit V)> SeedVisitAsync()
    {
        var c = await SeedAsync(App);
        return (c, await AddVisitAsync(App, c, Today.AddDays(-1), session: 1));
    }

    private Task<List<Payment>> PaymentsAsync() => App.InDbAsync(db => db.Payments.OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task Front_desk_records_a_card_payment_against_a_visit_and_the_balance_drops()
    {
        var (c, v) = await SeedVisitAsync();
        var client = await App.SignInAsync(Roles.FrontDesk);
        var form = await client.GetDocumentAsync($"/Payments/Edit?patientId={c.Patient.Id}&visitId={v.Id}");
        ClinicClient.ValueOf(form, "Input.VisitId").ShouldBe(v.Id.ToString());
        ClinicClient.ValueOf(form, "Input.ReceivedOn").ShouldBe("2026-06-15");
        var response = await client.SubmitAsync(form, $"/Payments/Edit?patientId={c.Patient.Id}", new() { ["Input.Amount"] = "$100.50", ["Input.Method"] = "Card", ["Input.Reference"] = "card ending 4242" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Patients/Details?id={c.Patient.Id}#payments-section");
        var p = (await PaymentsAsync()).Single();
        (p.VisitId, p.Amount, p.Method, p.Reference, p.ReceivedAt, p.RecordedBy).ShouldBe((v.Id, 100.50m, PaymentMethod.Card, "card ending 4242", Noon.UtcDateTime, ClinicApp.EmailOf[Roles.FrontDesk]));
        var page = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        page.QuerySelector("#balance-amount")!.TextContent.ShouldContain("$298.50");
        (await App.InDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Payment" && a.Action == "Created"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_payment_on_the_account_and_an_earlier_day_is_recorded_at_noon_clinic_time()
    {
        var (c, _) = await SeedVisitAsync();
        var response = await (await App.SignInAsync(Roles.Clinician)).SubmitAsync($"/Payments/Edit?patientId={c.Patient.Id}",
            new() { ["Input.VisitId"] = "", ["Input.Amount"] = "1,250", ["Input.Method"] = "CareCredit", ["Input.ReceivedOn"] = "2026-06-12" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var p = (await PaymentsAsync()).Single();
        (p.VisitId, p.Amount, p.Method, p.ReceivedAt).ShouldBe(((int?)null, 1250m, PaymentMethod.CareCredit, new DateTime(2026, 6, 12, 17, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("Input.Amount", "abc", "like 399 or 399.50")]
    [InlineData("Input.Amount", "0", "more than 0")]
    [InlineData("Input.Amount", "-20", "more than 0")] // read as a number, refused in the payment rule own words
    [InlineData("Input.Amount", "100000.01", "above 100,000")]
    [InlineData("Input.Amount", "12.345", "two decimals")]
    [InlineData("Input.Amount", "", "Enter the amount")]
    [InlineData("Input.ReceivedOn", "2026-06-16", "after today")]
    public async Task Bad_payment_input_is_refused_with_a_message_and_kept(string field, string value, string message)
    {
        var (c, _) = await SeedVisitAsync();
        var response = await (await App.SignInAsync(Roles.FrontDesk)).SubmitAsync($"/Payments/Edit?patientId={c.Patient.Id}",
            new() { ["Input.Amount"] = "50", ["Input.Reference"] = "kept ref", [field] = value });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await ClinicClient.ReadAsync(response);
        ClinicClient.ErrorFor(doc, field)!.ShouldContain(message);
        ClinicClient.ValueOf(doc, field).ShouldBe(value);
        ClinicClient.ValueOf(doc, "Input.Reference").ShouldBe("kept ref");
        (await PaymentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_payment_is_corrected_by_a_reversing_entry_with_a_reason_and_never_twice()
    {
        var (c, v) = await SeedVisitAsync();
        await App.InsertAsync(new Payment { PatientId = c.Patient.Id, VisitId = v.Id, Amount = 399m, Method = PaymentMethod.Card, ReceivedAt = Noon.UtcDateTime.AddHours(-1), RecordedBy = "desk" });
        var original = (await PaymentsAsync()).Single();
        var client = await App.SignInAsync(Roles.FrontDesk);

        var noReason = await client.SubmitAsync($"/Payments/Edit?reverseId={original.Id}", new() { ["Reversal.Reason"] = "" });
        var html = await noReason.Content.ReadAsStringAsync();
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(noReason), "Reversal.Reason").ShouldNotBeNull(html[html.IndexOf("<main")..]);
        ClinicClient.ErrorFor(await ClinicClient.ReadAsync(noReason), "Reversal.Reason")!.ShouldContain("Say why");

        var response = await client.SubmitAsync($"/Payments/Edit?reverseId={original.Id}", new() { ["Reversal.Reason"] = "Card charged twice" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var all = await PaymentsAsync();
        all.Count.ShouldBe(2);
        (all[1].Amount, all[1].VisitId, all[1].Reference).ShouldBe((-399m, v.Id, $"Reversal of payment #{original.Id}: Card charged twice"));
        all[0].Amount.ShouldBe(399m);   // the original is untouched

        var page = await client.GetDocumentAsync($"/Patients/Details?id={c.Patient.Id}");
        page.QuerySelector("#balance-amount")!.TextContent.ShouldContain("$399.00");
        page.QuerySelectorAll("#payments .badge").Select(b => b.TextContent).ShouldContain("reversed");

        var again = await client.PostAsync($"/Payments/Edit?handler=Reverse&reverseId={original.Id}", new() { ["Reversal.Reason"] = "again" });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClinicClient.ReadAsync(again)).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("already reversed");
        (await PaymentsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_practice_manager_can_neither_open_nor_post_payments()
    {
        var (c, _) = await SeedVisitAsync();
        var client = await App.SignInAsync(Roles.PracticeManager);
        (await client.GetAsync($"/Payments/Edit?patientId={c.Patient.Id}")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await client.PostAsync($"/Payments/Edit?patientId={c.Patient.Id}", new() { ["Input.Amount"] = "50", ["Input.ReceivedOn"] = "2026-06-15" }))
            .Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await PaymentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_patient_or_payment_is_not_found()
    {
        var client = await App.SignInAsync(Roles.FrontDesk);
        (await client.GetAsync("/Payments/Edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Payments/Edit?reverseId=3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class EditTests_PostgreSql(PostgreSqlApp app) : EditTests(app);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class EditTests_SqlServer(SqlServerApp app) : EditTests(app);
