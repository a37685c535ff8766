using System.Text.RegularExpressions;
using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Clinical;

/// <summary>
/// A clinician records a PHQ-9 and a side-effect incident at a demo patient's visit and sees the patient page update;
/// the medical director signs off a grade 3 incident. The app is shared by all browser tests, so each test uses its own
/// demo patient and unique text, and compares counts before and after.
/// </summary>
[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed class ScoresAndIncidentsTests(BrowserApp app)
{
    /// <summary>A signed-in page with a longer timeout: these flows post several forms and the test machine may be busy.</summary>
    private async Task<IPage> SignInAsync(string role)
    {
        var page = await app.SignedInPageAsync(role);
        page.Context.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>The most recent visit of a demo patient, read from the visit list on the score form.</summary>
    private static async Task<string> LatestVisitIdAsync(IPage page, int patientId)
    {
        await page.GotoAsync($"/Assessments/Create?patientId={patientId}");
        var id = await page.Locator("#Input_VisitId option:not([value=''])").First.GetAttributeAsync("value");
        id.ShouldNotBeNullOrEmpty();
        return id!;
    }

    private static async Task<int> ChartPointsAsync(IPage page) =>
        await page.Locator("#patient-scores-panel #score-chart-phq9").CountAsync() == 0
            ? 0
            : int.Parse((await page.Locator("#patient-scores-panel #score-chart-phq9").GetAttributeAsync("data-points"))!);

    private static async Task FillIncidentAsync(IPage page, string type, int grade, string description)
    {
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = type });
        await page.GetByLabel("What happened").FillAsync(description);
        await page.Locator($"#grade-{grade}").CheckAsync();
        await page.GetByLabel("Systolic BP (mmHg)").FillAsync("148");
        await page.GetByLabel("Diastolic BP (mmHg)").FillAsync("92");
        await page.GetByLabel("SpO2 (%)").FillAsync(grade >= 3 ? "86" : "97");
        await page.GetByLabel("Action taken").FillAsync("Infusion paused; observed.");
    }

    [Fact]
    public async Task A_clinician_records_a_PHQ9_and_a_grade_2_incident_at_a_visit_and_sees_the_patient_page_update()
    {
        const int patientId = 5;
        var page = await SignInAsync("Clinician");
        var visitId = await LatestVisitIdAsync(page, patientId);

        await page.GotoAsync($"/Patients/Details?id={patientId}");
        var pointsBefore = await ChartPointsAsync(page);
        var incidentsBefore = await page.Locator("#patient-incidents-panel tbody tr").CountAsync();

        // PHQ-9 from the visit, item by item; the total and band appear while answering.
        await page.GotoAsync($"/Assessments/Create?visitId={visitId}&returnUrl=%2FPatients%2FDetails%3Fid%3D{patientId}");
        int[] answers = [2, 1, 2, 1, 1, 0, 1, 1, 0];
        for (var k = 0; k < answers.Length; k++) await page.Locator($"#item-{k}-{answers[k]}").CheckAsync();
        (await page.Locator("#score-total").InnerTextAsync()).ShouldBe("9");
        (await page.Locator("#score-band").InnerTextAsync()).ShouldBe("Mild");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save PHQ-9" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/Patients/Details\\?id={patientId}$"));
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldContain("PHQ-9 recorded: 9 (Mild)");
        (await ChartPointsAsync(page)).ShouldBe(pointsBefore + 1);
        (await page.Locator("#patient-scores-panel #scores-table tbody tr[data-instrument=Phq9]").AllInnerTextsAsync()).ShouldContain(t => t.Contains("Mild") && t.Contains('9'));

        // A grade 2 incident from the same visit: patient, visit, drug, route, dose and reporter are filled in.
        await page.GotoAsync($"/Incidents/Create?visitId={visitId}");
        (await page.GetByLabel("Drug").InputValueAsync()).ShouldBe("Ketamine");
        (await page.GetByLabel("Reported by").InputValueAsync()).ShouldBe("Priya Raman, MSN, PMHNP-BC");
        var description = $"Browser test {Guid.NewGuid():N}: anxious and nauseated at 25 minutes.";
        await FillIncidentAsync(page, "Anxiety/agitation", 2, description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record incident" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Incidents/Details\\?id=\\d+"));
        var incidentId = new Uri(page.Url).Query.Split('=')[1];
        (await page.Locator("#incident-grade").InnerTextAsync()).ShouldBe("Grade 2");
        (await page.Locator("#incident-description").InnerTextAsync()).ShouldBe(description);

        await page.GotoAsync($"/Patients/Details?id={patientId}");
        (await page.Locator("#patient-incidents-panel tbody tr").CountAsync()).ShouldBe(incidentsBefore + 1);
        var row = page.Locator($"#patient-incidents-panel tr[data-incident-id='{incidentId}']");
        (await row.GetAttributeAsync("data-grade")).ShouldBe("2");
        (await row.InnerTextAsync()).ShouldContain("Anxiety/agitation");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_medical_director_signs_off_a_grade_3_incident_a_clinician_recorded()
    {
        const int patientId = 9;
        var clinician = await SignInAsync("Clinician");
        var visitId = await LatestVisitIdAsync(clinician, patientId);
        await clinician.GotoAsync($"/Incidents/Create?visitId={visitId}");
        var description = $"Browser test {Guid.NewGuid():N}: SpO2 fell to 86% with sedation.";
        await FillIncidentAsync(clinician, "Oxygen desaturation", 3, description);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Record incident" }).ClickAsync();
        await clinician.WaitForURLAsync(new Regex("/Incidents/Details\\?id=\\d+"));
        var incidentId = new Uri(clinician.Url).Query.Split('=')[1];
        (await clinician.Locator(".alert-success").InnerTextAsync()).ShouldContain("Flagged for the medical director's review");
        (await clinician.Locator("#sign-off-incident").CountAsync()).ShouldBe(0);

        var director = await SignInAsync("MedicalDirector");
        await director.GotoAsync("/Incidents/Index");
        (await director.Locator("#awaiting-review").InnerTextAsync()).ShouldContain("review");
        await director.Locator("#awaiting-review").GetByRole(AriaRole.Link, new() { Name = "Show them" }).ClickAsync();
        await director.Locator($"#incidents-table tr[data-incident-id='{incidentId}'] a[href*='/Incidents/Details']").ClickAsync();
        (await director.Locator("#incident-description").InnerTextAsync()).ShouldBe(description);
        await director.GetByRole(AriaRole.Link, new() { Name = "Review and sign off" }).ClickAsync();
        await director.GetByLabel("Review notes").FillAsync("Reviewed: airway managed per protocol; continue at a lower dose.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Sign off" }).ClickAsync();
        await director.WaitForURLAsync(new Regex($"/Incidents/Details\\?id={incidentId}$"));
        (await director.Locator("#incident-review-state").InnerTextAsync()).ShouldContain("Signed off");
        (await director.Locator("#incident-review").InnerTextAsync()).ShouldContain("Helena Marsh");

        // Locked for the clinician: no edit, but an addendum is possible.
        await clinician.ReloadAsync();
        (await clinician.Locator("#edit-incident").CountAsync()).ShouldBe(0);
        await clinician.GotoAsync($"/Incidents/Edit?id={incidentId}");
        (await clinician.Locator("#incident-locked").InnerTextAsync()).ShouldContain("locked");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Add an addendum" }).ClickAsync();
        await clinician.GetByLabel("Addendum").FillAsync("Called the next day: fully recovered.");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add addendum" }).ClickAsync();
        await clinician.WaitForURLAsync(new Regex($"/Incidents/Details\\?id={incidentId}$"));
        (await clinician.Locator("#incident-addenda").InnerTextAsync()).ShouldContain("fully recovered");

        await director.Context.CloseAsync();
        await clinician.Context.CloseAsync();
    }
}
