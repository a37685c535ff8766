using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

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
        (await visitRow.InnerTextAsync()).ShouldContain($"{today:yyyy-MM-dd} 10:00");
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
}
