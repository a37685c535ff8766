using ClinicAdmin.Browser.Tests.Infrastructure;
using ClinicAdmin.Domain.Clinic;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ClinicAdmin.Browser.Tests.Visits;

[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class RecordVisitTests(BrowserApp app)
{
    private static DateOnly ClinicToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "America/Chicago"));

    [Fact]
    public async Task A_clinician_finds_a_demo_patient_records_a_visit_with_an_add_on_and_sees_it_on_the_patient_page()
    {
        var page = await app.SignedInPageAsync("Clinician");
        var detail = $"magnesium sulfate 1 g IV (browser {Guid.NewGuid():N})"[..48];

        // Find the patient by MRN from the patient list.
        await page.GotoAsync("/Patients/Index");
        await page.GetByLabel("Find a patient").FillAsync("mrn-100207");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator("#patients tbody a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Patients/Details"));
        (await page.Locator("#patient-mrn").InnerTextAsync()).ShouldBe("MRN-100207");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record visit" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Visits/Edit"));
        // Yesterday: a visit cannot be in the future, and the suite may run before 11:30 clinic time.
        var today = ClinicToday().AddDays(-1);
        await page.GetByLabel("Arrival (clinic time)").FillAsync($"{today:yyyy-MM-dd}T10:00");
        await page.GetByLabel("IV ketamine infusion (mood disorders)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Magnesium infusion", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Detail of Magnesium infusion").FillAsync(detail);
        await page.GetByLabel("Route").SelectOptionAsync("IV");
        await page.GetByLabel("Dose (mg)").FillAsync("50");
        await page.GetByLabel("Weight today (kg)").FillAsync("80");
        (await page.Locator("#mg-per-kg").InnerTextAsync()).ShouldBe("0.625");
        await page.GetByLabel("Infusion (minutes)").FillAsync("40");
        await page.GetByLabel("Discharge time").FillAsync("11:30");
        await page.GetByLabel("Systolic before the dose").FillAsync("124");
        await page.GetByLabel("Diastolic before the dose").FillAsync("80");
        await page.GetByLabel("SpO2 before the dose").FillAsync("98");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visit" }).ClickAsync();

        await page.WaitForURLAsync(u => u.Contains("/Visits/Details"));
        (await page.Locator("#visit-dose").InnerTextAsync()).ShouldContain("50 mg (0.625 mg/kg at 80.0 kg)");
        (await page.Locator("#charge-lines").InnerTextAsync()).ShouldContain(detail);

        await page.GetByRole(AriaRole.Link, new() { Name = "(MRN-100207)" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Patients/Details"));
        var visitRow = page.Locator("#visits tbody tr", new() { HasText = detail });
        (await visitRow.CountAsync()).ShouldBe(1);
        (await visitRow.InnerTextAsync()).ShouldContain(DateStyles.Default.DateTime(today.ToDateTime(new TimeOnly(10, 0))));
        (await visitRow.InnerTextAsync()).ShouldContain("Magnesium infusion");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Front_desk_sees_the_visit_charges_on_the_patient_page_but_not_the_doses()
    {
        var page = await app.SignedInPageAsync("FrontDesk");
        await page.GotoAsync("/Patients/Index?q=MRN-100200");
        await page.Locator("#patients tbody a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Patients/Details"));
        (await page.Locator("#visits").InnerTextAsync()).ShouldContain("$");
        (await page.Locator(".visit-dose").CountAsync()).ShouldBe(0);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Record visit" }).CountAsync()).ShouldBe(0);
        await page.Context.CloseAsync();
    }

    // The visit form's clinical help: the total at the visit's date, vitals warned with value and limit.
    [Fact]
    public async Task Changing_the_date_reprices_the_total_and_168_over_104_at_40_minutes_is_warned_with_the_limit()
    {
        var page = await app.SignedInPageAsync("Clinician");
        await page.GotoAsync("/Patients/Index?q=MRN-100214");
        await page.Locator("#patients tbody a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Patients/Details"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Record visit" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/Visits/Edit"));

        // Only the mood infusion ticked: the demo clinic charges $399 today, $375 before its fee review 75 days ago.
        var boxes = page.Locator("#service-lines input[type=checkbox], #addon-lines input[type=checkbox]");
        for (var i = 0; i < await boxes.CountAsync(); i++) await boxes.Nth(i).UncheckAsync();
        await page.GetByLabel("IV ketamine infusion (mood disorders)", new() { Exact = true }).CheckAsync();
        var total = page.Locator("#visit-total");
        await Expect(total).ToHaveTextAsync("$399.00");

        var backdated = ClinicToday().AddDays(-80);
        await page.GetByLabel("Arrival (clinic time)").FillAsync($"{backdated:yyyy-MM-dd}T10:00");
        await Expect(total).ToHaveTextAsync("$375.00");
        var infusionRow = page.Locator("#service-lines tr", new() { Has = page.GetByLabel("IV ketamine infusion (mood disorders)", new() { Exact = true }) });
        await Expect(infusionRow.Locator("[data-price-for]")).ToHaveTextAsync("$375.00");

        await page.GetByLabel("Systolic at 40 minutes").FillAsync("168");
        await page.GetByLabel("Diastolic at 40 minutes").FillAsync("104");
        // Flagged as typed, before any button: the value and the clinic's limit.
        await Expect(page.Locator("#vitals-live")).ToContainTextAsync("Blood pressure 168/104 at 40 min is at or above the limit 160/100.");
        await page.GetByLabel("Diastolic at 40 minutes").FillAsync("");
        await page.GetByLabel("Systolic at 40 minutes").FillAsync("150");
        await Expect(page.Locator("#vitals-live")).ToBeEmptyAsync();
        await page.GetByLabel("Systolic at 40 minutes").FillAsync("168");
        await page.GetByLabel("Diastolic at 40 minutes").FillAsync("104");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check warnings" }).ClickAsync();

        await Expect(page.Locator("#visit-warnings")).ToContainTextAsync("Blood pressure 168/104 at 40 min is at or above the limit 160/100.");
        await Expect(page.Locator("#visit-total")).ToHaveTextAsync("$375.00");   // rendered by the server at the visit's date
        (await page.GetByLabel("Systolic at 40 minutes").InputValueAsync()).ShouldBe("168");
        await page.Context.CloseAsync();
    }
}
