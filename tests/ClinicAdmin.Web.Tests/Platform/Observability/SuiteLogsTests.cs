using System.Globalization;
using ClinicAdmin.Data.Seeding;
using ClinicAdmin.Testing;
using ClinicAdmin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ClinicAdmin.Web.Tests.Platform.Observability;

/// <summary>
/// The whole suite's logs hold no demo patient's name, date of birth, member id or MRN (issue 12). tests/run.sh points
/// CLINICADMIN_SUITE_LOGS at a folder, every in-process app and every app process (the browser and process kinds run
/// the real app on the demo clinic) writes its log there, and this test, run last, searches all of it.
/// </summary>
[Collection(SqliteObservabilityCollection.Name), Trait("Category", "SuiteLogs")]
public sealed class SuiteLogsTests(SqliteObservabilityApp app, ITestOutputHelper output) : PageTest(app)
{
    [Fact]
    public async Task The_whole_suites_logs_hold_no_demo_patients_name_date_of_birth_member_id_or_mrn()
    {
        var folder = SuiteLog.Folder ?? throw new InvalidOperationException(
            $"{SuiteLog.Variable} is not set: this check searches the logs of a whole run; run it through tests/run.sh.");
        // The demo clinic as the browser and process apps seeded it (the seeder is deterministic).
        using (var scope = App.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoAsync()).ShouldBeTrue();
        var people = await App.InDbAsync(db => db.Patients.AsNoTracking()
            .Select(p => new { p.FirstName, p.LastName, p.DateOfBirth, p.InsuranceMemberId, p.Mrn }).ToListAsync());
        people.Count.ShouldBeGreaterThan(5);

        var files = Directory.GetFiles(folder, "*.log");
        var processFiles = files.Where(f => Path.GetFileName(f).StartsWith("process-", StringComparison.Ordinal)).ToList();
        var webFiles = files.Where(f => Path.GetFileName(f).StartsWith("web-", StringComparison.Ordinal)).ToList();
        // Not an empty search: the page kinds' apps and the real app processes (demo data, browser flows) all logged here.
        webFiles.Count.ShouldBeGreaterThan(2, "in-process apps that logged to the suite folder");
        processFiles.Count.ShouldBeGreaterThan(2, "app processes whose output reached the suite folder");
        processFiles.Any(f => File.ReadAllText(f).Contains("/Patients/Details", StringComparison.Ordinal))
            .ShouldBeTrue("no app process logged a request to a demo patient's page: the browser flows' logs are missing");

        var needles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in people)
        {
            needles.UnionWith([p.FirstName + " " + p.LastName, p.LastName + ", " + p.FirstName, p.Mrn]);
            if (p.LastName.Length >= 5) needles.Add(p.LastName);
            if (!string.IsNullOrEmpty(p.InsuranceMemberId)) needles.Add(p.InsuranceMemberId);
            foreach (var format in new[] { "yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "dd.MM.yyyy", "MMMM d, yyyy", "MMM d, yyyy", "yyyyMMdd" })
                needles.Add(p.DateOfBirth.ToString(format, CultureInfo.InvariantCulture));
        }
        // The app processes log JSON, whose default encoder writes "Zoë" as "Zo\u00EB" and "O'Brien" as "O\u0027Brien".
        needles.UnionWith(needles.Select(n => System.Text.Json.JsonEncodedText.Encode(n).ToString()).ToList());
        long lines = 0, bytes = 0;
        var found = new List<string>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                lines++; bytes += line.Length;
                foreach (var n in needles)
                    if (line.Contains(n, StringComparison.OrdinalIgnoreCase)) found.Add($"'{n}' in {Path.GetFileName(file)}: {(line.Length > 300 ? line[..300] : line)}");
            }
        }
        output.WriteLine($"Searched {files.Length} logs ({webFiles.Count} in-process apps, {processFiles.Count} app processes), {lines:N0} lines, {bytes / 1_000_000.0:N1} MB, for {needles.Count} values of {people.Count} demo patients.");
        found.ShouldBeEmpty(string.Join("\n", found.Take(10)));
    }
}
