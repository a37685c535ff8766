using ClinicAdmin.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ClinicAdmin.Web.Tests.Security.HostileInput;

/// <summary>
/// Every form of the app, POST and GET (found from the pages, so a new form is covered) against boundary and hostile values.
/// Fast here; <c>tests/hostile-input.sh</c> runs the full set (<c>CLINICADMIN_HOSTILE=full</c>).
/// </summary>
public abstract class HostileInputTests(ClinicApp app, ITestOutputHelper output) : PageTest(app)
{
    [Fact]
    public async Task Every_form_survives_boundary_and_hostile_values_without_a_500_a_bad_row_or_live_markup()
    {
        var report = await new HostileInputPass(App).RunAsync();

        var summary = $"Hostile-input pass ({(HostileValues.Full ? "full" : "fast")}, {App.Provider}): {report.Forms} forms, {report.GetForms} filter and search forms (GET), " +
                      $"{report.Combinations} form × value combinations, {report.Failures.Count} failures, {report.Took.TotalSeconds:0} s";
        output.WriteLine(summary);
        foreach (var f in report.FormsTried) output.WriteLine("  form " + f);
        foreach (var f in report.Failures) output.WriteLine("  FAIL " + f);
        foreach (var p in report.Unreached) output.WriteLine("  UNREACHED " + p);
        if (Environment.GetEnvironmentVariable("CLINICADMIN_HOSTILE_REPORT") is { Length: > 0 } path)
            await File.AppendAllLinesAsync(path, [summary, .. report.Failures.Select(f => "  FAIL " + f), .. report.Unreached.Select(p => "  UNREACHED " + p)]);

        // The pass must have reached the app's forms: the clinical, catalog, roster, settings and user forms at least.
        report.Forms.ShouldBeGreaterThan(20, summary);
        // ...and the filters and searches that send their fields in the address (staff, incidents, catalog, users, audit, jobs).
        report.GetForms.ShouldBeGreaterThanOrEqualTo(6, summary);
        report.Combinations.ShouldBeGreaterThan(report.Forms * 5, summary);
        report.Unreached.ShouldBeEmpty("pages that accept posts but whose form the pass never reached (add seed data or a link)");
        report.Failures.ShouldBeEmpty(summary);
    }
}

[Collection(SqliteCollection.Name), Trait("Database", "Sqlite")]
public sealed class HostileInputTests_Sqlite(SqliteApp app, ITestOutputHelper output) : HostileInputTests(app, output);

[Collection(PostgreSqlCollection.Name), Trait("Database", "PostgreSql")]
public sealed class HostileInputTests_PostgreSql(PostgreSqlApp app, ITestOutputHelper output) : HostileInputTests(app, output);

[Collection(SqlServerCollection.Name), Trait("Database", "SqlServer")]
public sealed class HostileInputTests_SqlServer(SqlServerApp app, ITestOutputHelper output) : HostileInputTests(app, output);
