using System.Globalization;
using System.Net;
using ClinicAdmin.Data.Seeding;
using ClinicAdmin.Domain.Common;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Web.Tests.Platform.Observability;

/// <summary>
/// A day's work on the demo clinic — signing in, lists, searches, patient and visit pages, edits, a superbill, errors —
/// with every log event captured, then searched for the demo patients' names, dates of birth and member ids.
/// </summary>
[Collection(SqliteObservabilityCollection.Name), Trait("Database", "Sqlite")]
public sealed class PatientDataInLogsTests(SqliteObservabilityApp app) : PageTest(app)
{
    private sealed record Person(int Id, string First, string Last, DateOnly Born, string? MemberId, string Mrn);

    [Fact]
    public async Task A_days_work_on_the_demo_clinic_logs_no_patient_name_date_of_birth_or_member_id()
    {
        using (var scope = App.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoAsync()).ShouldBeTrue();
        var people = await App.InDbAsync(db => db.Patients.AsNoTracking()
            .Select(p => new Person(p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.InsuranceMemberId, p.Mrn)).ToListAsync());
        people.Count.ShouldBeGreaterThan(5);
        var logs = ((ObservabilityApp)App).Logs;
        logs.Clear();

        var clinician = await App.SignInAsync(Roles.Clinician);
        var frontDesk = await App.SignInAsync(Roles.FrontDesk);
        (await clinician.SubmitAsync("/Account/Login", new() { ["Input.Email"] = people[0].Last + "@nowhere.example", ["Input.Password"] = "wrong" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK); // a failed sign-in with a patient's name as the account
        await clinician.GetDocumentAsync("/Patients");
        foreach (var p in people.Take(6))
        {
            await clinician.GetAsync($"/Patients?q={Uri.EscapeDataString(p.Last)}");
            await clinician.GetAsync($"/Patients?q={Uri.EscapeDataString(p.Born.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture))}");
            await clinician.GetDocumentAsync($"/Patients/Details?id={p.Id}");
            // An unchanged save, and one the form refuses (no last name).
            await frontDesk.SubmitAsync($"/Patients/Edit?id={p.Id}", new());
            await frontDesk.SubmitAsync($"/Patients/Edit?id={p.Id}", new() { ["Input.LastName"] = "" });
        }
        var visits = await App.InDbAsync(db => db.Visits.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.PatientId }).Take(4).ToListAsync());
        foreach (var v in visits)
        {
            await clinician.GetAsync($"/Visits/Details?id={v.Id}");
            await clinician.SubmitAsync($"/Visits/Edit?id={v.Id}", new());                        // edit, saved as it stands
            await clinician.SubmitAsync($"/Visits/Edit?patientId={v.PatientId}", new());          // record: the form's own defaults
        }
        var course = await App.InDbAsync(db => db.Courses.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.PatientId }).FirstAsync());
        var bill = await frontDesk.SubmitAsync($"/Superbills/Request?patientId={course.PatientId}",
            new() { ["Input.Kind"] = "Course", ["Input.CourseId"] = course.Id.ToString() });
        bill.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await App.InDbAsync(db => db.JobRuns.AnyAsync(r => r.Status == Domain.Jobs.JobStatus.Succeeded || r.Status == Domain.Jobs.JobStatus.Failed)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the superbill did not finish");
            await Task.Delay(100);
        }
        await frontDesk.GetAsync("/Jobs");
        // Errors: pages that do not exist, a record that does not exist, a post without its anti-forgery token.
        await clinician.GetAsync($"/Patients/{Uri.EscapeDataString(people[1].First)}");
        await clinician.GetAsync("/Patients/Details?id=987654");
        await clinician.Http.PostAsync($"/Patients/Edit?id={people[2].Id}", new FormUrlEncodedContent([new("Input.LastName", people[2].Last)]));

        var records = logs.All;
        records.Count(r => r.Category == typeof(ClinicAdmin.Web.Platform.Observability.RequestLog).FullName).ShouldBeGreaterThan(60);
        var found = new List<string>();
        foreach (var p in people)
        {
            var needles = new List<string> { p.First + " " + p.Last, p.Last + ", " + p.First, p.Mrn };
            if (p.Last.Length >= 4) needles.Add(p.Last);
            if (p.First.Length >= 4) needles.Add(p.First);
            if (!string.IsNullOrEmpty(p.MemberId)) needles.Add(p.MemberId);
            foreach (var format in new[] { "yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "dd.MM.yyyy", "MMMM d, yyyy", "MMM d, yyyy", "yyyyMMdd" })
                needles.Add(p.Born.ToString(format, CultureInfo.InvariantCulture));
            foreach (var r in records)
                foreach (var n in needles.Where(n => r.AllText.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    found.Add($"'{n}' in: {r.AllText}");
        }
        found.ShouldBeEmpty(string.Join("\n", found.Take(10)));
    }
}
