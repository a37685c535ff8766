using ClinicAdmin.Browser.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Superbills;

[Collection(BrowserCollection.Name), Trait("Category", "Browser")]
public sealed partial class SuperbillBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task Front_desk_requests_a_course_superbill_watches_it_complete_downloads_it_and_the_patient_link_checks_the_date_of_birth()
    {
        var page = await app.SignedInPageAsync("FrontDesk");
        // The first demo patient whose course has billable sessions.
        int patientId = 0, runId = 0;
        for (var id = 1; id <= 20 && runId == 0; id++)
        {
            await page.GotoAsync($"/Superbills/Request?patientId={id}");
            var courses = page.GetByLabel("Treatment course", new() { Exact = true });
            if (await courses.CountAsync() == 0) continue;
            var values = await courses.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
            foreach (var value in values)
            {
                await page.GotoAsync($"/Superbills/Request?patientId={id}");
                await page.GetByLabel("A whole treatment course").CheckAsync();
                await page.GetByLabel("Treatment course", new() { Exact = true }).SelectOptionAsync(value);
                await page.GetByRole(AriaRole.Button, new() { Name = "Issue superbill" }).ClickAsync();
                // The request stays on its page (issue 14: jobs in context) with the run's number in the address.
                if (!page.Url.Contains("job=")) continue;
                runId = int.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["job"]!);
                patientId = id;
                break;
            }
        }
        runId.ShouldNotBe(0, "no demo patient has a billable course");

        // The progress box polls the run and shows the result link when it is done, without a reload.
        var download = page.Locator("#job-box #job-result");
        await download.WaitForAsync(new() { Timeout = 90_000 });
        (await page.Locator("#job-box [data-field='status']").InnerTextAsync()).ShouldBe("Succeeded");
        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        file.SuggestedFilename.ShouldStartWith("superbill-SB-");
        var bytes = await File.ReadAllBytesAsync((await file.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("%PDF");

        // Patient link from the patient's superbill row.
        await page.GotoAsync($"/Patients/Details?id={patientId}");
        await page.Locator("#superbill-list tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Patient link" }).ClickAsync();
        var link = await page.Locator("#patient-link").InputValueAsync();
        await page.Context.CloseAsync();

        // The patient opens it on a phone.
        var patient = await (await app.Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 390, Height = 844 } })).NewPageAsync();
        await patient.GotoAsync(link);
        var clinicName = ClinicName();
        (await patient.Locator("#clinic-name").InnerTextAsync()).Trim().ShouldBe(clinicName);
        (await patient.Locator("#main-nav").CountAsync()).ShouldBe(0); // the patient layout, not the staff one
        var dob = DateOfBirthOf(patientId);
        await patient.GetByLabel("Date of birth").FillAsync(dob.AddDays(1).ToString("yyyy-MM-dd"));
        await patient.GetByRole(AriaRole.Button, new() { Name = "Download superbill" }).ClickAsync();
        (await patient.Locator("#link-message").InnerTextAsync()).ShouldContain("does not match");
        await patient.GetByLabel("Date of birth").FillAsync(dob.ToString("yyyy-MM-dd"));
        // The right date: the success state replaces the form (and its error); the download starts by itself.
        var served = await patient.RunAndWaitForDownloadAsync(() => patient.GetByRole(AriaRole.Button, new() { Name = "Download superbill" }).ClickAsync());
        await patient.Locator("#link-success").WaitForAsync();
        (await patient.Locator("#link-message").CountAsync()).ShouldBe(0);
        (await patient.Locator("#link-success").InnerTextAsync()).ShouldContain("date of birth is confirmed");
        (await patient.Locator("#clinic-name").InnerTextAsync()).Trim().ShouldBe(clinicName);
        System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync((await served.PathAsync())!), 0, 4).ShouldBe("%PDF");
        // "Download again" serves it again; no sideways scrolling on the phone.
        var again = await patient.RunAndWaitForDownloadAsync(() => patient.GetByRole(AriaRole.Link, new() { Name = "Download again" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await again.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 4).ShouldBe("%PDF");
        (await patient.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "patient-link-success-390.png"), FullPage = true });
        await patient.Context.CloseAsync();
    }

    private string ClinicName()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "clinicadmin.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name FROM ClinicSettings LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private DateOnly DateOfBirthOf(int patientId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "clinicadmin.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DateOfBirth FROM Patients WHERE Id = $id";
        command.Parameters.AddWithValue("$id", patientId);
        return DateOnly.Parse((string)command.ExecuteScalar()!);
    }
}
