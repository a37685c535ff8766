using ClinicAdmin.Browser.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ClinicAdmin.Browser.Tests.Operations;

/// <summary>
/// `samples` and `workbook` write patient data to files outside the app's access control and audit trail (issue 13,
/// finding 12): Production refuses them with one line and exit 1, and writes nothing. Outside Production they run.
/// </summary>
[Trait("Category", "Process")]
public sealed class ProductionVerbTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clinicadmin-verbs", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment(string environment) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = environment, ["Database__Provider"] = "Sqlite", ["Database__DataDirectory"] = Path.Combine(_dir, "data"),
        ["App__PublicBaseUrl"] = "https://clinic.example", ["Jobs__Enabled"] = "false", ["Demo__Enabled"] = "false",
    };

    public Task InitializeAsync() { Directory.CreateDirectory(_dir); return Task.CompletedTask; }
    public Task DisposeAsync() { try { Directory.Delete(_dir, true); } catch (IOException) { } return Task.CompletedTask; }

    [Theory]
    [InlineData("samples", "--out", "samples")]
    [InlineData("workbook", "--out", "outcomes.xlsx")]
    public async Task Production_refuses_the_verbs_that_write_patient_data_to_files(string verb, string option, string target)
    {
        var output = Path.Combine(_dir, target);
        string[] args = verb == "workbook" ? [verb, "--month", "2026-10", option, output] : [verb, option, output];
        await using (var refused = AppProcess.Start(args, Environment("Production")))
        {
            (await refused.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(1, refused.Output);
            var lines = refused.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.ShouldHaveSingleItem().ShouldContain("Production refuses");
        }
        Path.Exists(output).ShouldBeFalse();
        File.Exists(Path.Combine(_dir, "data", "clinicadmin.db")).ShouldBeFalse("the refusal comes before the database is opened");

        // The same command outside Production runs (an empty clinic: the workbook is written, samples finds no demo data).
        await using var runs = AppProcess.Start(args, Environment("Staging"));
        var code = await runs.WaitForExitAsync(TimeSpan.FromSeconds(180));
        runs.Output.ShouldNotContain("Production refuses");
        if (verb == "workbook") { code.ShouldBe(0, runs.Output); File.Exists(output).ShouldBeTrue(); }
        else runs.Output.ShouldContain("No demo data");
    }

    /// <summary>A mistyped or moved command (scale-data went to src/ClinicAdmin.Tools) stops with exit 2 and the list of
    /// commands, instead of quietly serving pages while a script waits for it to finish.</summary>
    [Fact]
    public async Task An_unknown_command_exits_with_the_list_of_commands_and_does_not_serve()
    {
        await using var unknown = AppProcess.Start(["scale-data", "--patients", "10"], Environment("Staging"));
        (await unknown.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(2, unknown.Output);
        unknown.Output.ShouldContain("`scale-data` is not a command of this app");
        unknown.Output.ShouldContain("backup");
        unknown.Output.ShouldNotContain("Now listening");
        File.Exists(Path.Combine(_dir, "data", "clinicadmin.db")).ShouldBeFalse("nothing was started");
    }
}
